import { previewSecret } from '@/lib/preview'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import {
  asArray,
  feedTitles,
  newsroomSite,
  page,
  payload,
  restFind,
  server,
  sitemapUrls,
  text,
  xml,
} from '../support/newsroomSite'
import { signIn } from '../support/server'

newsroomSite()

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
