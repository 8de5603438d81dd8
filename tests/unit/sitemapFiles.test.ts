import {
  fitsOneFile,
  sitemapFileName,
  sitemapFileOf,
  sitemapFiles,
  urlsPerFile,
} from '@/lib/sitemap/files'
import { renderSitemapIndex, renderUrlset } from '@/lib/sitemap/xml'

const counts = { posts: 2500, authors: 3, categories: 0 }

/** Few enough pages that the setting alone decides the size of a file. */
const FEW = { posts: 10, authors: 1, categories: 1 }

describe('sitemap files', () => {
  it('lists everything in one file while it fits, counting the home page', () => {
    expect(fitsOneFile({ posts: 996, authors: 2, categories: 1 }, 1000)).toBe(true)
    expect(fitsOneFile({ posts: 997, authors: 2, categories: 1 }, 1000)).toBe(false)
  })

  it('splits each section into numbered files and leaves out empty sections', () => {
    expect(sitemapFiles(counts, 1000).map(sitemapFileName)).toEqual([
      'posts-1.xml',
      'posts-2.xml',
      'posts-3.xml',
      'authors-1.xml',
    ])
    // A site with no posts yet still has its home page.
    expect(sitemapFiles({ posts: 0, authors: 0, categories: 0 }, 1000)).toEqual([
      { section: 'posts', page: 1 },
    ])
  })

  it('knows only the names of files that exist', () => {
    expect(sitemapFileOf('posts-3.xml', counts, 1000)).toEqual({ section: 'posts', page: 3 })
    expect(sitemapFileOf('authors-1.xml', counts, 1000)).toEqual({ section: 'authors', page: 1 })
    for (const name of [
      'posts-4.xml',
      'posts-0.xml',
      'posts-01.xml',
      'categories-1.xml',
      'pages-1.xml',
      'posts-1',
      'posts-1.xml.gz',
      'posts-1234567.xml',
      '../posts-1.xml',
    ]) {
      expect({ name, file: sitemapFileOf(name, counts, 1000) }).toEqual({ name, file: null })
    }
  })

  it('takes its file size from SITEMAP_URLS_PER_FILE within the protocol, else 1,000', () => {
    const before = process.env.SITEMAP_URLS_PER_FILE
    try {
      for (const [value, expected] of [
        ['3', 3],
        ['0', 1000],
        ['-5', 1000],
        ['2.5', 1000],
        ['lots', 1000],
        ['90000', 49_999],
      ] as const) {
        process.env.SITEMAP_URLS_PER_FILE = value
        expect({ value, perFile: urlsPerFile(FEW) }).toEqual({ value, perFile: expected })
      }
      delete process.env.SITEMAP_URLS_PER_FILE
      expect(urlsPerFile(FEW)).toBe(1000)
      // However small the setting, an index never names more files than the protocol allows.
      process.env.SITEMAP_URLS_PER_FILE = '1'
      const many = { posts: 1_000_000, authors: 70_001, categories: 29_999 }
      const perFile = urlsPerFile(many)
      expect(perFile).toBeGreaterThan(1)
      expect(sitemapFiles(many, perFile).length).toBeLessThanOrEqual(50_000)
      expect(sitemapFiles(many, perFile - 1).length).toBeGreaterThan(50_000 - 3)
    } finally {
      if (before === undefined) delete process.env.SITEMAP_URLS_PER_FILE
      else process.env.SITEMAP_URLS_PER_FILE = before
    }
  })

  it('writes the protocol’s documents with escaped addresses', () => {
    const set = renderUrlset([{ loc: 'https://x.example/a?b=1&c=<2>', lastModified: '2026-01-02' }])
    expect(set).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(set).toContain(
      '<url><loc>https://x.example/a?b=1&amp;c=&lt;2&gt;</loc><lastmod>2026-01-02T00:00:00.000Z</lastmod></url>',
    )
    expect(renderSitemapIndex([{ loc: 'https://x.example/sitemap/posts-1.xml' }])).toContain(
      '<sitemap><loc>https://x.example/sitemap/posts-1.xml</loc></sitemap>',
    )
  })
})
