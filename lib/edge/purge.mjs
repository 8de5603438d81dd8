// @ts-check
/**
 * Purging the edge caches (Varnish with xkey) by cache tag, so a change is seen through the
 * edge as soon as Next's own cache has it. EDGE_PURGE_URLS lists every edge (comma or space
 * separated); unset, there is nothing to purge. A failed purge is retried, then logged: it never
 * fails the save that caused it (the page stays stale at that edge until the next purge).
 * Plain JavaScript: the cache handler, which Next loads as it is, uses it too.
 */

import { repeatWhileSettling } from '../settle.mjs'

/** Waits between the attempts at one edge, in milliseconds. */
const PURGE_RETRY_DELAYS_MS = [250, 1_000, 4_000]
const PURGE_TIMEOUT_MS = 2_000

/** @returns {string[]} */
export const edgePurgeUrls = (value = process.env.EDGE_PURGE_URLS) =>
  (value ?? '').split(/[\s,]+/).filter(Boolean)

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The request Varnish's VCL (deploy/varnish/inkwell.vcl) takes as a purge by keys.
 * @param {string[]} keys
 * @returns {RequestInit}
 */
const purgeRequest = (keys, secret = process.env.EDGE_PURGE_SECRET) => ({
  method: 'PURGE',
  headers: { 'xkey-purge': keys.join(' '), ...(secret ? { 'x-purge-secret': secret } : {}) },
  signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
})

/** @param {string} url @param {string[]} keys @param {number[]} delays */
const purgeOne = async (url, keys, delays) => {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, purgeRequest(keys))
      await response.body?.cancel()
      if (response.ok) return true
      throw new Error(`HTTP ${response.status}`)
    } catch (error) {
      if (attempt >= delays.length) {
        console.error(
          `edge purge failed at ${url} for ${keys.join(' ')} after ${attempt + 1} attempts: ${String(error)}`,
        )
        return false
      }
      await sleep(delays[attempt] ?? 0)
    }
  }
}

/**
 * Purges the keys on every configured edge; resolves with how many edges took the purge.
 * @param {string[]} keys
 */
export const purgeEdges = async (keys, urls = edgePurgeUrls(), delays = PURGE_RETRY_DELAYS_MS) => {
  if (!keys.length || !urls.length) return 0
  const results = await Promise.all(urls.map((url) => purgeOne(url, keys, delays)))
  return results.filter(Boolean).length
}

/**
 * Purges now and again as a change settles (lib/settle.mjs): an instance that had not heard of
 * the change yet may have answered the edge's first fetch with the old page.
 * @param {string[]} keys
 */
export const purgeEdgesSettled = (keys) => repeatWhileSettling(() => purgeEdges(keys))
