import 'server-only'

import { CacheTags } from '@/lib/cacheTags'
import { snippet } from '@/lib/search/highlight'
import { searchFilters } from '@/lib/search/query'
import { queryWords } from '@/lib/search/words'

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

const NOTHING = (page: number): SearchPage => ({ results: [], page, totalPages: 0, totalDocs: 0 })

/**
 * How many published posts have a word: how search picks the word to look up first. Cached
 * like the lists (a common word is counted once, not for every query that has it).
 */
const postsWithWord = (word: string): Promise<number> =>
  cachedRead(['search-word', word], [CacheTags.postLists], async () => {
    const payload = await getPayloadClient()
    const { totalDocs } = await payload.count({
      ...publishedPosts({ searchWords: { equals: word } }),
    })
    return totalDocs
  })

/**
 * Published posts with every word of the query in their title, excerpt or text (any order, any
 * case, singular or plural: lib/search/words), newest first, each with a passage around its
 * matches. The rarest word is looked up through the index of posts' words, and only the posts
 * it finds are checked for the others, so a search costs what its rarest word matches, not what
 * the blog holds. Cached per query until a post changes.
 */
export const searchPosts = async (query: string, page: number): Promise<SearchPage> => {
  const words = queryWords(query)
  if (words.length === 0) return NOTHING(1)
  // With several words, the rarest is looked up first. Counted here, each its own cached read:
  // a read cached inside another's is not cached itself (Next runs it whenever the outer one
  // runs), and a common word costs a count over most posts. One word is simply looked up.
  let rarest = words[0]!
  if (words.length > 1) {
    const counts = await Promise.all(words.map(postsWithWord))
    if (counts.includes(0)) return NOTHING(page)
    rarest = words[counts.indexOf(Math.min(...counts))]!
  }
  // Keyed by the words as compared, so "Massages" and "massage" share one answer.
  return cachedRead(['search', words.join(' '), String(page)], [CacheTags.postLists], async () => {
    const payload = await getPayloadClient()
    const result = await payload.find({
      // Published posts with the visitor's access rules on (publishedPosts sets
      // overrideAccess: false) that have every word.
      ...publishedPosts(...searchFilters(words, rarest)),
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
        snippet: snippet([doc.excerpt, doc.searchText].filter(Boolean).join(' '), words),
      })),
      page,
      totalPages: result.totalPages,
      totalDocs: result.totalDocs,
    }
  })
}
