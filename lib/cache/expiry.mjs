// @ts-check
/**
 * Where the process keeps its one cache (handler.mjs), so code Next does not run as the cache
 * handler (the proxy's memory of redirects) can ask the same tag clock whether what it
 * remembers has been expired since.
 */
export const PROCESS_CACHE = Symbol.for('inkwell.cache')

/**
 * Whether any of the tags expired at or after `since`, here or (through Redis) on another
 * instance. True while this process has no cache yet: nothing can vouch for the answer then.
 * @param {readonly string[]} tags @param {number} since
 */
export const expiredSince = (tags, since) => {
  const cache = /** @type {any} */ (globalThis)[PROCESS_CACHE]
  return cache ? cache.isOutdated(tags, since) : true
}
