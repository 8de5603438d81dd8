import type { Payload } from 'payload'
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterMongo,
  RateLimiterRedis,
} from 'rate-limiter-flexible'

import { outsideRequests } from './outsideRequests'
import { sharedRedis } from './redis'

/**
 * Counters of events per key over a fixed window: comments per address, sign-in failures per
 * account, form tokens used. One set per process, kept on globalThis because Next bundles each
 * route (REST, GraphQL, the form's action) separately and module state would be one per route.
 * Shared by every instance: in Redis when REDIS_URL is set, else on MongoDB in the database. When
 * Redis cannot answer, each instance counts in its own memory until it is back (an instance's
 * allowance rather than no comments at all).
 */
const STORE = Symbol.for('inkwell.limits')
type Store = Map<string, RateLimiterAbstract>
const store = (): Store => ((globalThis as { [STORE]?: Store })[STORE] ??= new Map())

/** Counters never refuse by themselves: callers compare the count with their own rule. */
const UNBOUNDED = 1_000_000_000

const counter = (payload: Payload, name: string, windowSeconds: number): RateLimiterAbstract => {
  const id = `${name}:${windowSeconds}`
  let limiter = store().get(id)
  if (!limiter) {
    const options = { points: UNBOUNDED, duration: windowSeconds, keyPrefix: `inkwell-${name}` }
    const connection = (payload.db as { connection?: unknown }).connection
    const redis = sharedRedis()
    limiter = redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : payload.db.name === 'mongoose' && connection
        ? new RateLimiterMongo({ ...options, storeClient: connection })
        : new RateLimiterMemory(options)
    store().set(id, limiter)
  }
  return limiter
}

export type Window = { name: string; seconds: number }

/** Counts one more event for the key; returns how many there have been in this window. */
export const countEvent = async (payload: Payload, w: Window, key: string): Promise<number> =>
  (await outsideRequests(() => counter(payload, w.name, w.seconds).consume(key, 1))).consumedPoints

/** How many events the key has had in this window, without counting one. */
export const peekEvents = async (payload: Payload, w: Window, key: string): Promise<number> =>
  (await outsideRequests(() => counter(payload, w.name, w.seconds).get(key)))?.consumedPoints ?? 0

/** Clears the key's count (a successful sign-in clears its failures). */
export const forgetEvents = async (payload: Payload, w: Window, key: string): Promise<void> => {
  await outsideRequests(() => counter(payload, w.name, w.seconds).delete(key))
}

/** Takes back one event counted for the key (a sign-in that succeeded was no failure). */
export const refundEvent = async (payload: Payload, w: Window, key: string): Promise<void> => {
  await outsideRequests(() => counter(payload, w.name, w.seconds).reward(key, 1))
}
