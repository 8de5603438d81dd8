// @ts-check
/**
 * Values kept in memory by key, least recently used first out once their sizes add up past the
 * budget. The cache handler keeps its entries in one (with Redis the near copy of the shared
 * cache, without it the whole cache); `npm start` keeps its compressed pages in another
 * (scripts/compression.mjs).
 * @template T
 */
export class MemoryEntries {
  /** @param {number} budgetBytes */
  constructor(budgetBytes) {
    this.budget = budgetBytes
    this.used = 0
    /** @type {Map<string, { entry: T, size: number }>} */
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

  /** @param {string} key @param {T} entry @param {number} size */
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
