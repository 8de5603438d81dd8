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
 * unstable_cache keys an entry by its function's source text as well as by the key. The same
 * read is bundled once for the pages and once for Payload's routes (the proxy's redirect lookup
 * asks /api/redirects/resolve), minified with different names each time, so the two kept two
 * entries and queried the database twice. Named by its key alone, a read has one entry.
 */
const byKeyAlone = <T>(read: () => Promise<T>) =>
  Object.assign(() => read(), { toString: () => 'cachedRead' })

/** Set per build by next.config.ts: entries written by another build's code are never read. */
const BUILD_STAMP = process.env.INKWELL_BUILD_STAMP ?? 'unbuilt'

/**
 * A read cached across requests until one of its tags expires. The key's first part names the
 * read (no two reads share it) and the rest names every argument the read depends on: one style
 * for every helper in lib/data, so no read is cached under a key that leaves out what it was
 * asked for.
 */
export const cachedRead = <T>(
  key: readonly string[],
  tags: readonly CacheTag[],
  read: () => Promise<T>,
): Promise<T> => unstable_cache(byKeyAlone(read), [BUILD_STAMP, ...key], { tags: [...tags] })()
