// @ts-check
/**
 * The cache entries this process keeps in memory, least recently used first out once their
 * estimated size passes the budget. Every instance has one; with Redis it is the near copy of
 * the shared cache, without Redis it is the whole cache.
 */
export class MemoryEntries {
  /** @param {number} budgetBytes */
  constructor(budgetBytes) {
    this.budget = budgetBytes
    this.used = 0
    /** @type {Map<string, { entry: import('./entry.mjs').Entry, size: number }>} */
    this.entries = new Map()
  }

  /** @param {string} key */
  get(key) {
    const found = this.entries.get(key)
    if (!found) return undefined
    // Map keeps insertion order: moving a hit to the end makes the first key the least recent.
    this.entries.delete(key)
    this.entries.set(key, found)
    return found.entry
  }

  /** @param {string} key @param {import('./entry.mjs').Entry} entry @param {number} size */
  set(key, entry, size) {
    this.delete(key)
    if (size > this.budget) return
    this.entries.set(key, { entry, size })
    this.used += size
    for (const [oldest, { size: freed }] of this.entries) {
      if (this.used <= this.budget) break
      this.entries.delete(oldest)
      this.used -= freed
    }
  }

  /** @param {string} key */
  delete(key) {
    const found = this.entries.get(key)
    if (!found) return
    this.entries.delete(key)
    this.used -= found.size
  }
}
