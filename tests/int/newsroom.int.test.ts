import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Payload } from 'payload'

import { CacheTags } from '@/lib/cacheTags'
import { findMissingBlockReferences, findReviewsDue } from '@/lib/content/problems'
import { previewSecret } from '@/lib/preview'
import { expireTags } from '@/lib/server/revalidate'
import { REFERENCE_POST_SLUG } from '@/tools/seed'
import { document, reusableBlock } from '@/tools/seed/lexical'

import { type TestServer, getHtml, signIn, withTestSite } from '../support/server'

let server: TestServer
let payload: Payload

withTestSite({}, (site) => {
  ;({ server, payload } = site)
})

const page = (path: string, status = 200) => getHtml(`${server.url}${path}`, status)
const text = (words: string) => document([{ type: 'p', text: words }], () => 0) as never
const parser = new XMLParser({ ignoreAttributes: false })

/** Fetches an XML document, checks it is well-formed and returns it parsed. */
const xml = async (path: string) => {
  const res = await fetch(`${server.url}${path}`)
  expect(res.status).toBe(200)
  const body = await res.text()
  expect(XMLValidator.validate(body)).toBe(true)
  return { body, doc: parser.parse(body) }
}
const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]
const feedTitles = async (path: string): Promise<string[]> =>
  asArray((await xml(path)).doc.rss.channel.item as { title: string }[] | undefined).map(
    (i) => i.title,
  )
const sitemapUrls = async (): Promise<string[]> =>
  asArray((await xml('/sitemap.xml')).doc.urlset.url as { loc: string }[]).map((u) => u.loc)
const restFind = async (slug: string) => {
  const res = await fetch(`${server.url}/api/posts?where[slug][equals]=${slug}&depth=0`)
  return ((await res.json()) as { totalDocs: number }).totalDocs
}

describe('drafts and future posts stay private', () => {
  let draftSlug: string
  let futureSlug: string

  beforeAll(async () => {
    // Warm every public listing first: a stale cache must not be what hides them.
    await Promise.all([page('/'), xml('/feed.xml'), xml('/sitemap.xml')])
    const draft = await payload.create({
      collection: 'posts',
      draft: true,
      data: {
        title: 'Zebracorn Draft',
        _status: 'draft',
        content: text('A zebracorn is not ready for readers.'),
      },
    })
    const future = await payload.create({
      collection: 'posts',
      data: {
        title: 'Unicornfish Announcement',
        _status: 'published',
        publishedAt: new Date(Date.now() + 4000).toISOString(),
        content: text('The unicornfish arrives later.'),
      },
    })
    draftSlug = draft.slug as string
    futureSlug = future.slug as string
  })

  it('are invisible over REST, on pages, in feeds, in the sitemap and in search', async () => {
    for (const slug of [draftSlug, futureSlug]) {
      expect(await restFind(slug)).toBe(0)
      await page(`/posts/${slug}`, 404)
      expect((await sitemapUrls()).some((u) => u.endsWith(`/posts/${slug}`))).toBe(false)
    }
    const titles = await feedTitles('/feed.xml')
    expect(titles).not.toContain('Zebracorn Draft')
    expect(titles).not.toContain('Unicornfish Announcement')
    expect(await page('/')).not.toMatch(/Zebracorn|Unicornfish/)
    expect(await page('/search?q=zebracorn')).toContain('No posts found.')
    expect(await page('/search?q=unicornfish')).toContain('No posts found.')
  })

  it('a future-dated post appears on every list once its time has come and the job ran', async () => {
    await new Promise((r) => setTimeout(r, 4500))
    // The queue's runner (every minute in the server) runs the job; here the test runs it.
    await payload.jobs.run()
    expect(await page(`/posts/${futureSlug}`)).toContain('<h1>Unicornfish Announcement</h1>')
    expect(await page('/')).toContain('Unicornfish Announcement')
    expect(await feedTitles('/feed.xml')).toContain('Unicornfish Announcement')
    expect(await restFind(futureSlug)).toBe(1)
  })

  it('a scheduled draft is published by the jobs queue after its time', async () => {
    const post = await payload.create({
      collection: 'posts',
      draft: true,
      data: { title: 'Scheduled Spring Hours', _status: 'draft', content: text('Spring hours.') },
    })
    // What the dashboard's "Schedule publish" queues.
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'posts', value: post.id } },
      waitUntil: new Date(Date.now() + 1500),
    })
    await payload.jobs.run()
    await page(`/posts/${post.slug}`, 404) // not yet
    await new Promise((r) => setTimeout(r, 2000))
    await payload.jobs.run()
    expect(await page(`/posts/${post.slug}`)).toContain('<h1>Scheduled Spring Hours</h1>')
    expect(await sitemapUrls()).toContain(`${server.url}/posts/${post.slug}`)
  })
})

describe('preview', () => {
  let slug: string
  beforeAll(async () => {
    const post = await payload.create({
      collection: 'posts',
      draft: true,
      data: { title: 'Preview Only Draft', _status: 'draft', content: text('Draft words.') },
    })
    slug = post.slug as string
  })
  const previewUrl = (secret: string) =>
    `${server.url}/preview?slug=${slug}&secret=${encodeURIComponent(secret)}`

  it('refuses a wrong secret, and a right one without a staff session', async () => {
    const wrong = await fetch(previewUrl('nope'), { redirect: 'manual' })
    expect(wrong.status).toBe(403)
    const anonymous = await fetch(previewUrl(previewSecret(payload.secret, slug)), {
      redirect: 'manual',
    })
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('set-cookie') ?? '').not.toContain('__prerender_bypass')
  })

  it('shows a signed-in editor the draft, with a way out; readers still get a 404', async () => {
    const { headers } = await signIn(server, 'editor')
    const res = await fetch(previewUrl(previewSecret(payload.secret, slug)), {
      headers,
      redirect: 'manual',
    })
    expect(res.status).toBe(307)
    expect(res.headers.get('location')).toContain(`/posts/${slug}`)
    const bypass = /__prerender_bypass=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0]
    expect(bypass).toBeDefined()
    const draft = await fetch(`${server.url}/posts/${slug}`, {
      headers: { ...headers, cookie: bypass! },
    })
    const html = await draft.text()
    expect(html).toContain('<h1>Preview Only Draft</h1>')
    expect(html).toContain('Exit preview')
    // The preview cookie alone (a stolen one) does not reveal drafts without a staff session.
    const cookieOnly = await fetch(`${server.url}/posts/${slug}`, { headers: { cookie: bypass! } })
    expect(cookieOnly.status).toBe(404)
    await page(`/posts/${slug}`, 404)
  })
})

describe('reusable blocks', () => {
  let blockId: number
  let postIds: number[]

  beforeAll(async () => {
    const block = await payload.create({
      collection: 'reusable-blocks',
      data: { title: 'Parking note', content: text('Park behind the clinic, spaces 1 to 6.') },
    })
    blockId = block.id
    postIds = []
    for (const title of ['Directions to the Clinic', 'Our New Opening Hours']) {
      const post = await payload.create({
        collection: 'posts',
        data: {
          title,
          _status: 'published',
          content: {
            root: {
              ...(text(`About ${title}.`) as { root: object }).root,
              children: [
                ...(text(`About ${title}.`) as { root: { children: object[] } }).root.children,
                reusableBlock(block.id),
              ],
            },
          } as never,
        },
      })
      postIds.push(post.id)
    }
  })

  it('render in each post that inserts them, and an edit shows in all of them', async () => {
    expect(await page('/posts/directions-to-the-clinic')).toContain('spaces 1 to 6')
    expect(await page('/posts/our-new-opening-hours')).toContain('spaces 1 to 6')
    await payload.update({
      collection: 'reusable-blocks',
      id: blockId,
      data: { content: text('Park in the garage on Elm Street.') },
    })
    for (const slug of ['directions-to-the-clinic', 'our-new-opening-hours']) {
      const html = await page(`/posts/${slug}`)
      expect(html).toContain('Park in the garage on Elm Street.')
      expect(html).not.toContain('spaces 1 to 6')
    }
  })

  it('list where they are used', async () => {
    const block = await payload.findByID({ collection: 'reusable-blocks', id: blockId, depth: 1 })
    const used = (block.usedIn?.docs ?? []).map((d) => (typeof d === 'object' ? d.id : d))
    expect(used.sort()).toEqual([...postIds].sort())
  })

  it('readers never learn of a draft through a block’s Used in list', async () => {
    const secret = await payload.create({
      collection: 'posts',
      draft: true,
      data: {
        title: 'Secret Draft Using The Block',
        _status: 'draft',
        content: {
          root: {
            ...(text('Draft.') as { root: object }).root,
            children: [reusableBlock(blockId)],
          },
        } as never,
      },
    })
    const res = await fetch(`${server.url}/api/reusable-blocks/${blockId}?depth=1`)
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(body).not.toContain('Secret Draft Using The Block')
    expect(body).toContain('Directions to the Clinic')
    await payload.delete({ collection: 'posts', id: secret.id })
  })

  it('cannot be deleted while used; the refusal names the posts', async () => {
    const { headers } = await signIn(server, 'editor')
    const res = await fetch(`${server.url}/api/reusable-blocks/${blockId}`, {
      method: 'DELETE',
      headers,
    })
    expect(res.status).toBe(409)
    const body = await res.text()
    expect(body).toContain('Directions to the Clinic')
    expect(body).toContain('Our New Opening Hours')
    expect(
      await payload.count({ collection: 'reusable-blocks', where: { id: { equals: blockId } } }),
    ).toEqual({ totalDocs: 1 })
  })

  it('a block that is missing renders nothing, and is reported to staff and in the log', async () => {
    // As if the database were edited by hand (or content imported from elsewhere): the post's
    // content now inserts a block id that does not exist. The adapter writes it; no hooks run.
    const missingId = 987654
    await payload.db.updateOne({
      collection: 'posts',
      id: postIds[0]!,
      data: {
        content: {
          root: {
            ...(text('About the clinic.') as { root: object }).root,
            children: [
              ...(text('How to find us.') as { root: { children: object[] } }).root.children,
              reusableBlock(missingId),
            ],
          },
        },
      },
    })
    await expireTags(payload, [CacheTags.post('directions-to-the-clinic')])
    const html = await page('/posts/directions-to-the-clinic')
    expect(html).toContain('How to find us.')
    expect(html).not.toContain('Elm Street')
    expect(html).not.toMatch(/Unable to locate|class="reusable-block"/)

    const broken = await findMissingBlockReferences(payload)
    expect(broken).toEqual([
      { id: String(postIds[0]), title: 'Directions to the Clinic', missing: [String(missingId)] },
    ])
    expect(server.logs()).toContain(
      `Post "directions-to-the-clinic" inserts reusable block(s) ${missingId} that do not exist`,
    )
    const { headers } = await signIn(server, 'editor')
    const dashboard = await (await fetch(`${server.url}/admin`, { headers })).text()
    expect(dashboard).toContain('Content problems')
    expect(dashboard).toContain(`Directions to the Clinic</a> inserts reusable block`)
  })
})

describe('search engines and feeds', () => {
  it('the post page carries JSON-LD naming the author and the medical reviewer', async () => {
    const html = await page(`/posts/${REFERENCE_POST_SLUG}`)
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1]
    const graph = (JSON.parse(json ?? '{}') as { '@graph': Record<string, unknown>[] })['@graph']
    const posting = graph.find((n) => n['@type'] === 'BlogPosting')!
    expect(posting.headline).toBe('Ways to Achieve Pain Relief Through Medical Massage')
    expect(posting.author).toEqual([expect.objectContaining({ name: 'Maya Alvarez' })])
    expect(posting.datePublished).toBe('2023-12-01T15:00:00.000Z')
    expect(String((posting.image as string[])[0])).toMatch(/^http.*featured-pain-relief/)
    const medical = graph.find((n) => n['@type'] === 'MedicalWebPage')!
    expect(medical.reviewedBy).toEqual(expect.objectContaining({ name: 'Jordan Lee' }))
    expect(medical.lastReviewed).toBe('2026-10-15')
    expect(graph.find((n) => n['@type'] === 'BreadcrumbList')).toBeDefined()
    expect(html).toContain('Medically reviewed by')
    expect(html).toMatch(/<link rel="canonical" href="http[^"]*\/posts\/ways-to-achieve/)
    expect(html).toMatch(/<meta property="og:image" content="http[^"]*featured-pain-relief/)
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>')
    expect(html).toMatch(
      /<link rel="alternate" type="application\/rss\+xml"[^>]*href="[^"]*\/feed.xml"/,
    )
  })

  it('the site feed lists the latest 20 published posts, newest first', async () => {
    const titles = await feedTitles('/feed.xml')
    expect(titles.length).toBeGreaterThan(5)
    expect(titles.length).toBeLessThanOrEqual(20)
    expect(titles).toContain('Ways to Achieve Pain Relief Through Medical Massage')
  })

  it('a category feed lists that category only; an unknown category is a 404', async () => {
    const titles = await feedTitles('/categories/injectables/feed.xml')
    expect(titles).toContain('What to Expect at Your First Dysport Appointment')
    expect(titles).not.toContain('Ways to Achieve Pain Relief Through Medical Massage')
    expect((await fetch(`${server.url}/categories/nope/feed.xml`)).status).toBe(404)
  })

  it('the comments feed has approved comments only and never an email', async () => {
    const { docs } = await payload.find({
      collection: 'posts',
      where: { slug: { equals: REFERENCE_POST_SLUG } },
    })
    for (const [status, body] of [
      ['approved', 'The feed may show this approved comment.'],
      ['pending', 'The feed must not show this pending comment.'],
    ] as const) {
      await payload.create({
        collection: 'comments',
        data: {
          post: docs[0]!.id,
          authorName: 'Feed Reader',
          authorEmail: 'private-feed-reader@example.com',
          body,
          status,
        },
        context: { trustedImport: true },
      })
    }
    const { body } = await xml('/comments/feed.xml')
    expect(body).toContain('The feed may show this approved comment.')
    expect(body).not.toContain('pending comment')
    expect(body).not.toContain('private-feed-reader@example.com')
  })

  it('sitemap.xml lists posts, authors and categories with lastmod; robots.txt points to it', async () => {
    const { doc } = await xml('/sitemap.xml')
    const urls = asArray(doc.urlset.url as { loc: string; lastmod: string }[])
    const locs = urls.map((u) => u.loc)
    expect(locs).toContain(`${server.url}/posts/${REFERENCE_POST_SLUG}`)
    expect(locs).toContain(`${server.url}/authors/maya-alvarez`)
    expect(locs).toContain(`${server.url}/categories/massage-therapy`)
    expect(urls.every((u) => !Number.isNaN(Date.parse(u.lastmod)))).toBe(true)
    const robots = await page('/robots.txt')
    expect(robots).toContain(`Sitemap: ${server.url}/sitemap.xml`)
    expect(robots).toContain('Disallow: /admin')
  })
})

describe('archives and search', () => {
  it('category and tag archives list their posts; unknown ones are 404s', async () => {
    const category = await page('/categories/massage-therapy')
    expect(category).toContain('<h1>Massage Therapy</h1>')
    expect(category).toContain('Ways to Achieve Pain Relief Through Medical Massage')
    expect(category).not.toContain('What to Expect at Your First Dysport Appointment')
    expect(await page('/tags/dysport')).toContain(
      'What to Expect at Your First Dysport Appointment',
    )
    await page('/categories/no-such-category', 404)
    await page('/categories/massage-therapy/page/9', 404)
  })

  it('archives are paginated', async () => {
    const { docs } = await payload.find({
      collection: 'categories',
      where: { slug: { equals: 'wellness' } },
    })
    for (let i = 1; i <= 7; i++) {
      await payload.create({
        collection: 'posts',
        data: {
          title: `Wellness Tip ${i}`,
          _status: 'published',
          categories: [docs[0]!.id],
          content: text(`Tip number ${i}.`),
        },
      })
    }
    const first = await page('/categories/wellness')
    expect(first).toContain('href="/categories/wellness/page/2"')
    const second = await page('/categories/wellness/page/2')
    expect(second).toContain('Page 2 of')
    const redirect = await fetch(`${server.url}/categories/wellness/page/1`, { redirect: 'manual' })
    expect(redirect.status).toBe(308)
  })

  it('search finds every word across title and text, marks them, and says when nothing matches', async () => {
    // "stretches" is in the title, "doorway" only in the text of one post.
    const html = await page('/search?q=stretches+DOORWAY')
    expect(html).toContain('1 post found.')
    expect(html).toContain('<mark>Stretches</mark>')
    expect(html).toContain('<mark>Doorway</mark>')
    const none = await page('/search?q=xylophone+quartz')
    expect(none).toContain('No posts found.')
    expect(none).toContain('Try fewer or different words')
  })

  it('an old address with a redirect goes on to its new page; others get the 404 page', async () => {
    await payload.create({
      collection: 'redirects',
      data: {
        from: '/ejercicios-de-movilidad-para-la-espalda-%f0%9f%a7%98/',
        to: { type: 'custom', url: `/posts/${REFERENCE_POST_SLUG}` },
      },
    })
    for (const old of [
      '/ejercicios-de-movilidad-para-la-espalda-%F0%9F%A7%98',
      '/ejercicios-de-movilidad-para-la-espalda-🧘',
    ]) {
      const res = await fetch(`${server.url}${encodeURI(old).replace(/%25/g, '%')}`, {
        redirect: 'manual',
      })
      expect(res.status).toBe(301)
      expect(new URL(res.headers.get('location')!, server.url).pathname).toBe(
        `/posts/${REFERENCE_POST_SLUG}`,
      )
    }
    expect(await page('/no-such-old-post', 404)).toContain('Page not found')
  })

  it('lists posts whose medical review is due', async () => {
    const due = await findReviewsDue(payload, 365)
    const titles = due.posts.map((p) => p.title)
    // The reference post was reviewed recently; the others never were.
    expect(titles).not.toContain('Ways to Achieve Pain Relief Through Medical Massage')
    expect(due.total).toBeGreaterThan(0)
    const strict = await findReviewsDue(payload, 1)
    expect(strict.total).toBe(due.total + 1)
  })
})
