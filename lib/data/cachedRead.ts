import 'server-only'

import { unstable_cache } from 'next/cache'

import type { CacheTags } from '@/lib/cacheTags'

/** Any tag from lib/cacheTags.ts, fixed or computed (`post:<slug>`, `comments:<id>`). */
type CacheTag = {
  [K in keyof typeof CacheTags]: (typeof CacheTags)[K] extends (...args: never[]) => infer R
    ? R
    : (typeof CacheTags)[K]
}[keyof typeof CacheTags]

/**
 * A read cached across requests until one of its tags expires. The key names every argument the
 * read depends on: one style for every helper in lib/data, so no read can be cached under a key
 * that leaves out what it was asked for.
 */
export const cachedRead = <T>(
  key: readonly string[],
  tags: readonly CacheTag[],
  read: () => Promise<T>,
): Promise<T> => unstable_cache(read, [...key], { tags: [...tags] })()
