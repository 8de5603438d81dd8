import { Redis } from 'ioredis'
import type { Payload } from 'payload'

import { EXPIRY_CHANNEL, EXPIRY_HASH } from '../cache/redisLink.mjs'
import { edgePurgeUrls, purgeEdges } from '../edge/purge.mjs'
import { CacheTags } from '../cacheTags'
import { expireTags } from '../server/revalidate'
import type { PostRef } from './restore'

/** Next's implicit tag of the root layout: every page carries it, so expiring it expires them all. */
const EVERY_PAGE = '_N_T_/layout'

/** Every tag a page can carry, for the posts of both the restored and the replaced database. */
export const everyTag = (posts: PostRef[]): string[] => {
  const fixed = Object.values(CacheTags).filter((tag) => typeof tag === 'string')
  const perPost = posts.flatMap(({ id, slug }) => [
    ...(slug ? [CacheTags.post(slug)] : []),
    CacheTags.comments(id),
  ])
  return [...new Set([EVERY_PAGE, ...fixed, ...perPost])]
}

/** The revalidation endpoint takes at most 50 tags a request. */
const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, i * size + size),
  )

/**
 * Caches that outlive the server: Redis's shared store (its tag clock is set, so every entry
 * stored before now is out of date on every instance's next start), any server still running
 * (REVALIDATE_URL) and the edges. Each process's memory cache starts empty anyway. Returns what
 * was done, in words.
 */
export const refreshCaches = async (payload: Payload, tags: string[]): Promise<string[]> => {
  const done: string[] = ['in-memory caches start empty when the server starts']
  const redisUrl = process.env.REDIS_URL
  if (redisUrl) {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 5_000 })
    try {
      const at = Date.now()
      const times = Object.fromEntries(tags.map((tag) => [tag, at]))
      await redis
        .multi()
        .hset(EXPIRY_HASH, times)
        .publish(EXPIRY_CHANNEL, JSON.stringify(times))
        .exec()
      done.push(`expired ${tags.length} tags in the shared cache (Redis)`)
    } finally {
      redis.disconnect()
    }
  }
  if (process.env.REVALIDATE_URL) {
    for (const part of chunks(tags, 50)) await expireTags(payload, part)
    done.push(`asked ${process.env.REVALIDATE_URL} to expire them`)
  }
  if (edgePurgeUrls().length) {
    await purgeEdges(tags)
    done.push('purged the edge caches')
  }
  return done
}
