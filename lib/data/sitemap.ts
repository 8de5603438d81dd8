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

/** How many public pages each section has, and when the newest post changed (the home page's lastmod). */
export const getSitemapCounts = (): Promise<SitemapCounts & { newest?: string }> =>
  cachedRead(['sitemap-counts'], TAGS, async () => {
    const payload = await getPayloadClient()
    const [posts, authors, categories] = await Promise.all([
      // One query gives both the count and the newest post.
      payload.find({
        ...publishedPosts(),
        depth: 0,
        limit: 1,
        sort: '-updatedAt',
        select: { updatedAt: true },
      }),
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

/**
 * One file's pages: a slice of a section sorted by slug (unique, so slices never overlap or
 * skip), with the home page at the top of the first file of posts.
 */
export const getSitemapFile = (
  { section, page }: SitemapFile,
  perFile: number,
): Promise<SitemapEntry[]> =>
  cachedRead(['sitemap-file', section, String(page), String(perFile)], TAGS, async () => {
    const payload = await getPayloadClient()
    const [{ docs }, counts] = await Promise.all([
      payload.find({
        ...visible(section),
        depth: 0,
        limit: perFile,
        page,
        sort: 'slug',
        select: { slug: true, updatedAt: true },
      }),
      section === 'posts' && page === 1 ? getSitemapCounts() : null,
    ])
    const entries = docs.map((d) => ({
      path: `/${section}/${d.slug}`,
      lastModified: d.updatedAt,
    }))
    return counts ? [{ path: '/', lastModified: counts.newest }, ...entries] : entries
  })
