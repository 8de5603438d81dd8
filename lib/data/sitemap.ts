import 'server-only'

import { CacheTags } from '@/lib/cacheTags'
import type { SitemapCounts, SitemapFile, SitemapSection } from '@/lib/sitemap/files'

import { cachedRead } from './cachedRead'
import { getPayloadClient } from './payload'
import { publishedPosts } from './posts'

export type SitemapEntry = { path: string; lastModified?: string }

const TAGS = [CacheTags.postLists, CacheTags.authors, CacheTags.taxonomy] as const

/** What a visitor may see of each section: published posts only, every author and category. */
const visible = (section: SitemapSection) =>
  section === 'posts' ? publishedPosts() : { collection: section, overrideAccess: false }

/** The most recently changed published post; its count is how many there are. */
export const newestPostQuery = () => ({
  ...publishedPosts(),
  depth: 0,
  limit: 1,
  sort: '-updatedAt',
  select: { updatedAt: true } as const,
})

/** How many public pages each section has, and when the newest post changed (the home page's lastmod). */
export const getSitemapCounts = (): Promise<SitemapCounts & { newest?: string }> =>
  cachedRead(['sitemap-counts'], TAGS, async () => {
    const payload = await getPayloadClient()
    const [posts, authors, categories] = await Promise.all([
      // One query gives both the count and the newest post.
      payload.find(newestPostQuery()),
      payload.count(visible('authors')),
      payload.count(visible('categories')),
    ])
    return {
      posts: posts.totalDocs,
      authors: authors.totalDocs,
      categories: categories.totalDocs,
      newest: posts.docs[0]?.updatedAt,
    }
  })

/** The page-th slice of a section, perFile long, by slug (unique: slices never overlap or skip). */
export const sliceQuery = (section: SitemapSection, page: number, perFile: number) => ({
  ...visible(section),
  depth: 0,
  limit: perFile,
  page,
  pagination: false,
  sort: 'slug',
  select: { slug: true, updatedAt: true } as const,
})

/**
 * One file's pages: a slice of a section, with the home page at the top of the first file of
 * posts. No count: the sitemap index already knows how many files there are.
 */
export const getSitemapFile = (
  { section, page }: SitemapFile,
  perFile: number,
): Promise<SitemapEntry[]> =>
  cachedRead(['sitemap-file', section, String(page), String(perFile)], TAGS, async () => {
    const payload = await getPayloadClient()
    const [{ docs }, counts] = await Promise.all([
      payload.find(sliceQuery(section, page, perFile)),
      section === 'posts' && page === 1 ? getSitemapCounts() : null,
    ])
    const entries = docs.map((d) => ({
      path: `/${section}/${d.slug}`,
      lastModified: d.updatedAt,
    }))
    return counts ? [{ path: '/', lastModified: counts.newest }, ...entries] : entries
  })
