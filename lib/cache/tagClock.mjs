// @ts-check
/**
 * When each cache tag was last expired, in milliseconds since the epoch. An entry stored before
 * one of its tags expired is out of date. One clock per process; with Redis, every instance's
 * clock is kept equal through the shared store (see redisLink.mjs).
 */
/** How far ahead of this machine's clock another instance's may be. */
export const MAX_CLOCK_SKEW_MS = 60_000

export class TagClock {
  constructor() {
    /** @type {Map<string, number>} */
    this.expiredAt = new Map()
  }

  /**
   * Records expiries, keeping the later time for a tag already known (Redis answers strings).
   * @param {Record<string, number | string>} times
   * @param {number} [now]
   */
  merge(times, now = Date.now()) {
    for (const [tag, at] of Object.entries(times)) {
      const time = Number(at)
      // Expiries are always "now" where they are made. One far ahead (a clock gone wrong, or
      // a hand on Redis) would keep the tag from ever expiring again, so it is not taken.
      if (!Number.isFinite(time) || time > now + MAX_CLOCK_SKEW_MS) continue
      if (time > (this.expiredAt.get(tag) ?? 0)) {
        this.expiredAt.set(tag, time)
      }
    }
  }

  /**
   * Whether any tag expired after the entry was stored (and the expiry is due).
   * @param {Iterable<string>} tags @param {number} storedAt
   */
  isOutdated(tags, storedAt, now = Date.now()) {
    for (const tag of tags) {
      const at = this.expiredAt.get(tag)
      // In the same millisecond counts as after: a render too many beats a stale page kept.
      if (at !== undefined && at >= storedAt && at <= now) return true
    }
    return false
  }
}
