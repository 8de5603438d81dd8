import 'server-only'

import type { Where } from 'payload'

import { CacheTags } from '@/lib/cacheTags'
import { queryTerms, snippet } from '@/lib/search/highlight'

import { cachedRead } from './cachedRead'
import { getPayloadClient } from './payload'
import { POSTS_PER_PAGE, publishedPosts } from './posts'

export type SearchResult = {
  title: string
  slug: string
  publishedAt: string | null
  snippet: string
}
export type SearchPage = {
  results: SearchResult[]
  page: number
  totalPages: number
  totalDocs: number
}

/**
 * Published posts whose title, excerpt or text has every word of the query (in any order, any
 * case), newest first, each with a passage around its first match. Cached per query until a
 * post changes.
 */
export const searchPosts = (query: string, page: number): Promise<SearchPage> =>
  cachedRead(['search', query.toLowerCase(), String(page)], [CacheTags.postLists], async () => {
    const terms = queryTerms(query)
    if (terms.length === 0) return { results: [], page: 1, totalPages: 0, totalDocs: 0 }
    const payload = await getPayloadClient()
    const result = await payload.find({
      // Published posts with the visitor's access rules on (publishedPosts sets
      // overrideAccess: false); every word somewhere in the post: title, excerpt or text.
      ...publishedPosts(
        ...terms.map((term): Where => ({
          or: ['title', 'excerpt', 'searchText'].map((field) => ({
            [field]: { contains: term },
          })),
        })),
      ),
      sort: '-publishedAt',
      limit: POSTS_PER_PAGE,
      page,
      depth: 0,
      select: { title: true, slug: true, excerpt: true, publishedAt: true, searchText: true },
    })
    return {
      results: result.docs.map((doc) => ({
        title: doc.title,
        slug: doc.slug ?? String(doc.id),
        publishedAt: doc.publishedAt ?? null,
        snippet: snippet([doc.excerpt, doc.searchText].filter(Boolean).join(' '), terms),
      })),
      page,
      totalPages: result.totalPages,
      totalDocs: result.totalDocs,
    }
  })
