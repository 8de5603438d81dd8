// Relative, not '@/': next.config.ts loads this file before any path alias exists.
import { CacheTags } from '../cacheTags'

/**
 * Edge keys for the answers Next builds on every request rather than caching (feeds, sitemap,
 * robots): the edge may keep them because it is purged by these keys, the tags of the reads
 * they are made from. Pages cached by Next carry their keys on their own (lib/cache/entry.mjs).
 */
const postListKeys = [
  CacheTags.postLists,
  CacheTags.authors,
  CacheTags.taxonomy,
  CacheTags.settings,
]

export const EDGE_KEYS_BY_ROUTE: { source: string; keys: string[] }[] = [
  { source: '/feed.xml', keys: postListKeys },
  { source: '/:kind(categories|tags|authors)/:slug/feed.xml', keys: postListKeys },
  { source: '/comments/feed.xml', keys: [CacheTags.allComments, ...postListKeys] },
  { source: '/sitemap.xml', keys: postListKeys },
  { source: '/sitemap/:file', keys: postListKeys },
  { source: '/robots.txt', keys: [CacheTags.settings] },
]
