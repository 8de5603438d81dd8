import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Payload } from 'payload'

import { document } from '@/tools/seed/lexical'

import { type TestServer, withTestSite } from '../support/server'

// The sitemap protocol caps a file at 50,000 URLs. With SITEMAP_URLS_PER_FILE=3 the seeded site
// is already past it: /sitemap.xml turns into an index of small files that together list
// everything a crawler may see, and nothing else.
let server: TestServer
let payload: Payload
withTestSite({ serverOnlyEnv: { SITEMAP_URLS_PER_FILE: '3' } }, (site) => {
  ;({ server, payload } = site)
})

const parser = new XMLParser({ ignoreAttributes: false })
const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

const fetchXml = async (url: string) => {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/xml/)
  const body = await res.text()
  expect(XMLValidator.validate(body)).toBe(true)
  return parser.parse(body)
}

/** The index's files and the URLs each of them lists. */
const crawl = async () => {
  const index = await fetchXml(`${server.url}/sitemap.xml`)
  const files = asArray(index.sitemapindex?.sitemap as { loc: string }[]).map((s) => s.loc)
  const lists = await Promise.all(
    files.map(async (file) =>
      asArray((await fetchXml(file)).urlset.url as { loc: string; lastmod: string }[]),
    ),
  )
  return { files, lists, locs: lists.flat().map((u) => u.loc) }
}

/** Every address a crawler should be told of, read the way a visitor may read them. */
const expectedLocs = async () => {
  const visitor = { overrideAccess: false, depth: 0, pagination: false, draft: false } as const
  const [posts, authors, categories] = await Promise.all([
    payload.find({ collection: 'posts', ...visitor, select: { slug: true } }),
    payload.find({ collection: 'authors', ...visitor, select: { slug: true } }),
    payload.find({ collection: 'categories', ...visitor, select: { slug: true } }),
  ])
  return [
    `${server.url}/`,
    ...posts.docs.map((d) => `${server.url}/posts/${d.slug}`),
    ...authors.docs.map((d) => `${server.url}/authors/${d.slug}`),
    ...categories.docs.map((d) => `${server.url}/categories/${d.slug}`),
  ].sort()
}

describe('the sitemap past its file size', () => {
  it('is an index of files that list every public page once, each with its lastmod', async () => {
    const { files, lists, locs } = await crawl()
    expect(files.length).toBeGreaterThan(2)
    for (const file of files) {
      expect(file).toMatch(
        new RegExp(`^${server.url}/sitemap/(posts|authors|categories)-\\d+\\.xml$`),
      )
    }
    // Three per file, and the home page on top of the first file of posts.
    files.forEach((file, i) => {
      const most = file.endsWith('/sitemap/posts-1.xml') ? 4 : 3
      expect({ file, urls: Math.min(lists[i]!.length, most) }).toEqual({
        file,
        urls: lists[i]!.length,
      })
    })
    expect(lists.every((list) => list.length > 0)).toBe(true)
    expect(lists.flat().every((u) => !Number.isNaN(Date.parse(u.lastmod)))).toBe(true)
    expect([...locs].sort()).toEqual(await expectedLocs())
    expect(new Set(locs).size).toBe(locs.length)
  })

  it('keeps drafts and future posts out, and opens a new file of posts past each third', async () => {
    const post = (title: string, publishedAt = new Date()) =>
      payload.create({
        collection: 'posts',
        data: {
          title,
          _status: 'published',
          publishedAt: publishedAt.toISOString(),
          content: document([{ type: 'p', text: title }], () => 0) as never,
        },
      })
    const draft = await payload.create({
      collection: 'posts',
      draft: true,
      data: { title: 'Sitemap Draft Quokka', _status: 'draft' },
    })
    const future = await post('Sitemap Future Tapir', new Date(Date.now() + 86_400_000))
    for (const title of ['Sitemap Post Alpaca', 'Sitemap Post Bongo', 'Sitemap Post Civet']) {
      const made = await post(title)
      const { totalDocs } = await payload.count({
        collection: 'posts',
        overrideAccess: false,
        where: { _status: { equals: 'published' }, publishedAt: { less_than_equal: new Date() } },
      })
      const { files, locs } = await crawl()
      expect(locs).toContain(`${server.url}/posts/${made.slug}`)
      expect(files.filter((f) => f.includes('/sitemap/posts-')).length).toBe(
        Math.ceil(totalDocs / 3),
      )
    }
    const { locs } = await crawl()
    expect(locs).not.toContain(`${server.url}/posts/${draft.slug}`)
    expect(locs).not.toContain(`${server.url}/posts/${future.slug}`)
    expect([...locs].sort()).toEqual(await expectedLocs())
  })

  it('answers 404, not a 500 or an empty list, for a file that does not exist', async () => {
    const { files } = await crawl()
    const posts = files.filter((f) => f.includes('/sitemap/posts-')).length
    for (const name of [
      `posts-${posts + 1}.xml`,
      'posts-0.xml',
      'posts-01.xml',
      'posts-1',
      'pages-1.xml',
      'posts-99999999999999999999.xml',
      '..%2Fsitemap.xml',
    ]) {
      const res = await fetch(`${server.url}/sitemap/${name}`)
      expect({ name, status: res.status }).toEqual({ name, status: 404 })
    }
  })
})
