import { Redis } from 'ioredis'

/**
 * The app's one Redis connection for shared counters (REDIS_URL), or null without it. Kept on
 * globalThis: Next bundles each route separately, and one connection per process is enough.
 * Commands fail at once while Redis is down (no queue), so callers fall back instead of waiting.
 */
const CLIENT = Symbol.for('inkwell.redis')
type Holder = { [CLIENT]?: Redis | null }

export const sharedRedis = (): Redis | null => {
  const holder = globalThis as Holder
  if (holder[CLIENT] === undefined) {
    const url = process.env.REDIS_URL
    if (!url) return (holder[CLIENT] = null)
    const client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
    })
    let down = false
    const lost = (why: string) => {
      if (!down) console.warn(`limits: Redis unavailable (${why}); counting per instance`)
      down = true
    }
    // A refused connection is an error; a server that went away is a close without one.
    client.on('error', (error) => lost(error.message))
    client.on('close', () => lost('connection closed'))
    client.on('ready', () => {
      if (down) console.warn('limits: Redis is back; counting across instances again')
      down = false
    })
    holder[CLIENT] = client
  }
  return holder[CLIENT] ?? null
}
