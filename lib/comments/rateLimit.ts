import type { Payload } from 'payload'
import {
  RateLimiterMemory,
  RateLimiterMongo,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'

/** One comment per 15 seconds, and at most 5 in 10 minutes, per IP. */
export const RATE_LIMITS = [
  { points: 1, duration: 15, message: 'Please wait a few seconds before posting another comment.' },
  {
    points: 5,
    duration: 600,
    message: 'You have posted several comments in a short time. Please try again later.',
  },
] as const

type Limiter = { limiter: RateLimiterAbstract; message: string }
let limiters: Limiter[] | null = null

/**
 * Memory store by default. On MongoDB every app instance shares the counters through the
 * database, so a flood spread over instances is still one flood.
 */
const build = (payload: Payload): Limiter[] =>
  RATE_LIMITS.map(({ points, duration, message }, i) => {
    const keyPrefix = `comment-rl-${i}`
    const connection = (payload.db as { connection?: unknown }).connection
    const limiter =
      payload.db.name === 'mongoose' && connection
        ? new RateLimiterMongo({ storeClient: connection, points, duration, keyPrefix })
        : new RateLimiterMemory({ points, duration, keyPrefix })
    return { limiter, message }
  })

/** Spends one comment from the IP's allowance; returns why it is refused, or null. */
export const takeCommentAllowance = async (
  payload: Payload,
  ipHash: string,
): Promise<string | null> => {
  limiters ??= build(payload)
  for (const { limiter, message } of limiters) {
    try {
      await limiter.consume(ipHash)
    } catch (rejection) {
      if (rejection instanceof Error) throw rejection
      return message
    }
  }
  return null
}

/** Tests reset the counters between cases. */
export const resetCommentAllowances = () => {
  limiters = null
}
