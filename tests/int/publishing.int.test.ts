import type { Payload } from 'payload'

import { REFERENCE_POST_SLUG } from '@/tools/seed'
import { document } from '@/tools/seed/lexical'

import { type TestServer, getHtml, localPayload, signIn, startServer } from '../support/server'

let server: TestServer
let payload: Payload

beforeAll(async () => {
  server = await startServer()
  payload = await localPayload(server)
}, 180_000)

afterAll(async () => {
  await payload?.destroy()
  await server?.stop()
})

const page = (path: string, status = 200) => getHtml(`${server.url}${path}`, status)
const findPost = async (slug: string) => {
  const { docs } = await payload.find({
    collection: 'posts',
    where: { slug: { equals: slug } },
    limit: 1,
  })
  if (!docs[0]) throw new Error(`no post ${slug}`)
  return docs[0]
}
const OTHER = 'massage-for-tension-headaches'

describe('cached pages refresh on the next request after a Local API change', () => {
  it('serves reader pages from the cache', async () => {
    await page(`/posts/${REFERENCE_POST_SLUG}`)
    const res = await fetch(`${server.url}/posts/${REFERENCE_POST_SLUG}`)
    expect(res.headers.get('x-nextjs-cache')).toBe('HIT')
    // The dashboard's colour-scheme hints would make browsers retry reader pages.
    expect(res.headers.get('critical-ch')).toBeNull()
    const admin = await fetch(`${server.url}/admin/login`)
    expect(admin.headers.get('critical-ch')).toBe('Sec-CH-Prefers-Color-Scheme')
  })

  it('an edited title shows on its page, the index and other posts’ Recent Posts', async () => {
    // Warm every page first, so a stale cache would be served if revalidation failed.
    await Promise.all([page(`/posts/${REFERENCE_POST_SLUG}`), page('/'), page(`/posts/${OTHER}`)])
    const post = await findPost(REFERENCE_POST_SLUG)
    const title = 'Pain Relief Through Medical Massage, Revised'
    await payload.update({ collection: 'posts', id: post.id, data: { title } })

    expect(await page(`/posts/${REFERENCE_POST_SLUG}`)).toContain(`<h1>${title}</h1>`)
    expect(await page('/')).toContain(title)
    const other = await page(`/posts/${OTHER}`)
    expect(other).toMatch(new RegExp(`Recent Posts.*${title.replace(/[.,]/g, '.')}`, 's'))
  })

  it('a newly published post appears at once; unpublishing removes it at once', async () => {
    await Promise.all([page('/'), page(`/posts/${OTHER}`), page('/posts/brand-new-post', 404)])
    const created = await payload.create({
      collection: 'posts',
      data: {
        title: 'Brand New Post',
        excerpt: 'Fresh news from the clinic.',
        _status: 'published',
        content: document([{ type: 'p', text: 'We have news.' }], () => 0) as never,
      },
    })
    expect(created.slug).toBe('brand-new-post')
    expect(await page('/posts/brand-new-post')).toContain('<h1>Brand New Post</h1>')
    expect(await page('/')).toContain('Brand New Post')
    expect(await page(`/posts/${OTHER}`)).toContain('Brand New Post')

    await payload.update({ collection: 'posts', id: created.id, data: { _status: 'draft' } })
    await page('/posts/brand-new-post', 404)
    expect(await page('/')).not.toContain('Brand New Post')
    expect(await page(`/posts/${OTHER}`)).not.toContain('Brand New Post')
  })

  it('saving a draft of a live post does not show the draft to readers', async () => {
    const post = await findPost(OTHER)
    await payload.update({
      collection: 'posts',
      id: post.id,
      draft: true,
      data: { title: 'Unreviewed Draft Title' },
    })
    const html = await page(`/posts/${OTHER}`)
    expect(html).toContain('<h1>Massage for Tension Headaches</h1>')
    expect(html).not.toContain('Unreviewed Draft Title')
  })

  it('changed settings show on every page at once', async () => {
    await Promise.all([page('/'), page(`/posts/${OTHER}`)])
    await payload.updateGlobal({
      slug: 'site-settings',
      data: {
        callToAction: {
          text: 'Book your winter massage today',
          linkLabel: 'Book',
          linkUrl: '/book',
        },
      },
    })
    expect(await page('/')).toContain('Book your winter massage today')
    expect(await page(`/posts/${OTHER}`)).toContain('Book your winter massage today')
  })

  it('an editor’s edit through the REST API (as the dashboard saves) shows at once', async () => {
    // OTHER is the oldest post, so the index lists it on page 2.
    await Promise.all([page(`/posts/${OTHER}`), page('/page/2')])
    const { headers } = await signIn(server, 'editor')
    const post = await findPost(OTHER)
    const res = await fetch(`${server.url}/api/posts/${post.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Massage for Tension Headaches, Updated',
        _status: 'published',
      }),
    })
    expect(res.status).toBe(200)
    expect(await page(`/posts/${OTHER}`)).toContain(
      '<h1>Massage for Tension Headaches, Updated</h1>',
    )
    expect(await page('/page/2')).toContain('Massage for Tension Headaches, Updated')
  })

  it('a renamed author shows in bylines at once', async () => {
    await page(`/posts/${OTHER}`)
    const { docs } = await payload.find({
      collection: 'authors',
      where: { slug: { equals: 'maya-alvarez' } },
    })
    await payload.update({
      collection: 'authors',
      id: docs[0]!.id,
      data: { name: 'Maya Alvarez-Reyes' },
    })
    expect(await page(`/posts/${OTHER}`)).toContain('Maya Alvarez-Reyes')
  })
})

describe('reader pages', () => {
  it('paginate the index, with /page/1 redirecting home and past the end not found', async () => {
    const second = await page('/page/2')
    expect(second).toContain('Page 2 of 2')
    const first = await fetch(`${server.url}/page/1`, { redirect: 'manual' })
    expect(first.status).toBe(308)
    expect(first.headers.get('location')).toMatch(/\/$/)
    await page('/page/3', 404)
    await page('/page/abc', 404)
  })

  it('answer unknown addresses with the blog’s own not-found page', async () => {
    const html = await page('/no-such-page', 404)
    expect(html).toContain('Page not found')
    expect(html).toContain('Go to the latest posts')
  })
})
