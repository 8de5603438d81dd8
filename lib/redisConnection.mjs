// @ts-check
import { Redis } from 'ioredis'

/**
 * A connection to Redis (REDIS_URL) for one part of the app: the shared cache, its channel of
 * expiries, the shared counters. It reconnects by itself, says once when Redis goes and once
 * when it is back, and without `queueWhileDown` a command fails at once while Redis is down, so
 * callers fall back to this process's memory instead of holding readers up.
 * @param {string} url
 * @param {{
 *   what: string,
 *   whileDown?: string,
 *   log?: (message: string) => void,
 *   queueWhileDown?: boolean,
 *   onReady?: () => void,
 * }} options
 */
export const connectRedis = (
  url,
  { what, whileDown, log = console.warn, queueWhileDown, onReady },
) => {
  const client = new Redis(url, {
    enableOfflineQueue: Boolean(queueWhileDown),
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
  })
  let down = false
  const lost = (/** @type {string} */ why) => {
    if (down) return
    down = true
    log(`${what}: Redis unavailable (${why})${whileDown ? `; ${whileDown}` : ''}`)
  }
  // A refused connection is an error; a server that went away is a close without one.
  client.on('error', (error) => lost(error.message))
  client.on('close', () => lost('connection closed'))
  client.on('ready', () => {
    if (down) log(`${what}: Redis is back`)
    down = false
    onReady?.()
  })
  return client
}
