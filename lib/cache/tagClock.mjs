// @ts-check
/**
 * When each cache tag was last expired, in milliseconds since the epoch. An entry stored before
 * one of its tags expired is out of date. One clock per process; with Redis, every instance's
 * clock is kept equal through the shared store (see redisLink.mjs).
 */
export class TagClock {
  constructor() {
    /** @type {Map<string, number>} */
    this.expiredAt = new Map()
  }

  /**
   * Records expiries, keeping the later time for a tag already known (Redis answers strings).
   * @param {Record<string, number | string>} times
   */
  merge(times) {
    for (const [tag, at] of Object.entries(times)) {
      const time = Number(at)
      if (Number.isFinite(time) && time > (this.expiredAt.get(tag) ?? 0)) {
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
      if (at !== undefined && at > storedAt && at <= now) return true
    }
    return false
  }
}
