import type { Payload } from 'payload'

import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { type TestServer, getHtml, signIn, withTestSite } from '../support/server'

/** Payload's SEO plugin: the `meta` fields staff fill in are what search engines and links show. */
let server: TestServer
let payload: Payload

withTestSite({}, (site) => {
  ;({ server, payload } = site)
})

const referencePost = async () => {
  const { docs } = await payload.find({
    collection: 'posts',
    where: { slug: { equals: REFERENCE_POST_SLUG } },
    limit: 1,
  })
  if (!docs[0]) throw new Error('no reference post')
  return docs[0]
}
const headOf = async (path: string) => (await getHtml(`${server.url}${path}`)).split('</head>')[0]
const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

describe('SEO fields', () => {
  it('fill the page head: title, description, Open Graph and Twitter image', async () => {
    const post = await referencePost()
    const { docs: media } = await payload.find({ collection: 'media', limit: 2, sort: 'id' })
    const image =
      media.find((m) => m.id !== (post.featuredImage as { id?: unknown })?.id) ?? media[0]
    const meta = {
      title: 'Medical massage for pain: what helps',
      description: 'How a clinic massage eases back, neck and joint pain, and when to book one.',
      image: image!.id,
    }
    await payload.update({ collection: 'posts', id: post.id, data: { meta } })

    const head = await headOf(`/posts/${REFERENCE_POST_SLUG}`)
    expect(head).toMatch(new RegExp(`<title>${meta.title}[^<]*</title>`))
    expect(head).toContain(`<meta name="description" content="${attr(meta.description)}"/>`)
    expect(head).toContain(`<meta property="og:title" content="${attr(meta.title)}"/>`)
    expect(head).toContain(`<meta property="og:description" content="${attr(meta.description)}"/>`)
    const file = String(image!.filename)
    expect(head).toMatch(new RegExp(`<meta property="og:image" content="[^"]*${file}"`))
    expect(head).toMatch(new RegExp(`<meta name="twitter:image" content="[^"]*${file}"`))
  })

  it('fall back to the title and excerpt when empty', async () => {
    const post = await referencePost()
    await payload.update({
      collection: 'posts',
      id: post.id,
      data: { meta: { title: null, description: null, image: null } },
    })
    const head = await headOf(`/posts/${REFERENCE_POST_SLUG}`)
    expect(head).toMatch(new RegExp(`<title>${post.title}[^<]*</title>`))
    expect(head).toContain(`<meta name="description" content="${attr(String(post.excerpt))}"/>`)
  })

  it('refuse a title or description longer than search engines show, and keep the old one', async () => {
    const post = await referencePost()
    await payload.update({ collection: 'posts', id: post.id, data: { meta: { title: 'Short' } } })
    const { headers } = await signIn(server, 'editor')
    const res = await fetch(`${server.url}/api/posts/${post.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ meta: { title: 'x'.repeat(71), description: 'y'.repeat(161) } }),
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { data?: { errors?: { path: string }[] } }[] }
    const paths = body.errors.flatMap((e) => e.data?.errors ?? []).map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['meta.title', 'meta.description']))
    expect((await referencePost()).meta?.title).toBe('Short')
  })
})

describe("the plugin's generate buttons", () => {
  // The dashboard sends the form as it stands, unsaved edits included.
  const generate = (kind: string, headers: Record<string, string>, id: unknown) =>
    fetch(`${server.url}/api/plugin-seo/generate-${kind}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        collectionSlug: 'posts',
        id,
        doc: { id, title: 'An unsaved title', slug: 'an-unsaved-slug', excerpt: 'In short.' },
      }),
    })

  it('give staff the title, excerpt and address from the post being edited', async () => {
    const post = await referencePost()
    const { headers } = await signIn(server, 'editor')
    const title = await generate('title', headers, post.id)
    expect(title.status).toBe(200)
    expect(await title.json()).toEqual({ result: 'An unsaved title' })
    const description = await generate('description', headers, post.id)
    expect(await description.json()).toEqual({ result: 'In short.' })
    const url = await generate('url', headers, post.id)
    expect(await url.json()).toEqual({ result: `${server.url}/posts/an-unsaved-slug` })
  })

  it('answer nobody who is not signed in', async () => {
    const post = await referencePost()
    const res = await generate('title', {}, post.id)
    expect([401, 403]).toContain(res.status)
    expect(await res.text()).not.toContain('An unsaved title')
  })
})
