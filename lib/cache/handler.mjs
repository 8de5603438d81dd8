// @ts-check
import { purgeEdgesSettled } from '../edge/purge.mjs'

import { MemoryEntries } from './memory.mjs'
import { addEdgeKeys, sizeOf, tagsOf } from './entry.mjs'
import { PROCESS_CACHE } from './expiry.mjs'
import { RedisLink } from './redisLink.mjs'
import { TagClock } from './tagClock.mjs'

/**
 * Next's cache for rendered pages, route answers and cached reads (unstable_cache), in place of
 * its built-in one (next.config.ts `cacheHandler`), for two reasons:
 * - With REDIS_URL set, instances share it: entries are stored in Redis as well as in memory,
 *   and a tag expired on one instance is expired on all of them (the tag clock), so a publish on
 *   instance A is seen on B at once. Without Redis, or while it is down, each process works
 *   from its own memory, as Next's default does.
 * - Every cached page carries its tags to the edge cache (the `xkey` header), which purges by
 *   the same tags when content changes.
 * Entries live in memory only, never on disk: a restart after the database changed (a restore,
 * a script run while the server was down) must not serve pages nobody revalidated.
 */

/**
 * One instance's cache. Next makes a handler per request, so the process keeps one of these.
 * @param {{
 *   redisUrl?: string,
 *   secret?: string,
 *   memoryBytes?: number,
 *   log?: (message: string) => void,
 *   onMissedExpiries?: (tags: string[]) => void,
 * }} options
 */
export const createCache = ({
  redisUrl,
  secret = '',
  memoryBytes = 256 * 1024 * 1024,
  log = console.warn,
  onMissedExpiries,
}) => {
  /** @type {MemoryEntries<import('./entry.mjs').Entry>} */
  const memory = new MemoryEntries(memoryBytes)
  const clock = new TagClock()
  const shared = redisUrl ? new RedisLink(redisUrl, clock, { secret, log, onMissedExpiries }) : null

  return {
    shared,
    /**
     * @param {string} key
     * @param {{ softTags?: string[] }} [ctx]
     */
    async get(key, ctx = {}) {
      let entry = memory.get(key)
      if (!entry && shared) {
        entry = await shared.read(key)
        if (entry) memory.set(key, entry, sizeOf(entry.value))
      }
      if (!entry) return null
      const stored = entry.lastModified
      if (clock.isOutdated(entry.tags, stored) || clock.isOutdated(ctx.softTags ?? [], stored)) {
        memory.delete(key)
        return null
      }
      return { value: entry.value, lastModified: entry.lastModified }
    },

    /**
     * @param {string} key
     * @param {any} value
     * @param {{ tags?: string[] }} [ctx]
     */
    async set(key, value, ctx = {}) {
      if (!value) {
        memory.delete(key)
        shared?.remove(key)
        return
      }
      const tags = tagsOf(value, ctx.tags)
      addEdgeKeys(value, tags)
      const entry = { value, lastModified: Date.now(), tags }
      memory.set(key, entry, sizeOf(value))
      // An address that does not exist stays with the instance that rendered it: made-up
      // addresses must not fill the shared store.
      if (value.status !== 404) shared?.write(key, entry)
    },

    /**
     * Expires tags now: entries stored before are out of date here and, through Redis, on every
     * instance. (The app always expires at once, `{ expire: 0 }`; a later expiry is not kept.)
     * @param {string | string[]} tags
     */
    async revalidateTag(tags) {
      const at = Date.now()
      const times = Object.fromEntries((Array.isArray(tags) ? tags : [tags]).map((t) => [t, at]))
      clock.merge(times)
      await shared?.announce(times)
    },

    /**
     * Whether any of the tags expired at or after `since` (for what is remembered outside this
     * cache, see expiry.mjs).
     * @param {string[]} tags @param {number} since
     */
    isOutdated(tags, since) {
      return clock.isOutdated(tags, since)
    },

    close() {
      shared?.disconnect()
    },
  }
}

/** @returns {ReturnType<typeof createCache>} */
const processCache = () => {
  const g = /** @type {Record<symbol, ReturnType<typeof createCache>>} */ (
    /** @type {unknown} */ (globalThis)
  )
  // A build renders pages for nothing to share; it never needs Redis to be up.
  const building = process.env.NEXT_PHASE === 'phase-production-build'
  g[PROCESS_CACHE] ??= createCache({
    redisUrl: building ? undefined : process.env.REDIS_URL || undefined,
    secret: process.env.PAYLOAD_SECRET,
    // Expiries this instance made while Redis was away reached the other instances only now;
    // until then the edge could have fetched their old pages again, so it is purged once more.
    onMissedExpiries: (tags) => void purgeEdgesSettled(tags),
    memoryBytes: Number(process.env.CACHE_MEMORY_MB || 256) * 1024 * 1024,
  })
  return g[PROCESS_CACHE]
}

/** The class Next instantiates; every instance of it works on the one cache of this process. */
export default class InkwellCacheHandler {
  /** @param {string} key @param {{ softTags?: string[] }} [ctx] */
  get(key, ctx) {
    return processCache().get(key, ctx)
  }

  /** @param {string} key @param {any} value @param {{ tags?: string[] }} [ctx] */
  set(key, value, ctx) {
    return processCache().set(key, value, ctx)
  }

  /** @param {string | string[]} tags */
  revalidateTag(tags) {
    return processCache().revalidateTag(tags)
  }

  resetRequestCache() {}
}
