import type { Redis } from 'ioredis'

import { connectRedis } from '../redisConnection.mjs'

/**
 * The connection for the shared counters (lib/limits.ts), or null without REDIS_URL. Kept on
 * globalThis: Next bundles each route separately, and one per process is enough. (The shared
 * cache has its own two, lib/cache/redisLink.mjs.)
 */
const CLIENT = Symbol.for('inkwell.redis')
type Holder = { [CLIENT]?: Redis | null }

export const sharedRedis = (): Redis | null => {
  const holder = globalThis as Holder
  if (holder[CLIENT] === undefined) {
    const url = process.env.REDIS_URL
    holder[CLIENT] = url
      ? connectRedis(url, {
          what: 'limits',
          whileDown: 'counting per instance',
          log: (message) => console.warn(message),
        })
      : null
  }
  return holder[CLIENT] ?? null
}
