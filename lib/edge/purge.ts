/**
 * Purging the edge caches (Varnish with xkey) by cache tag, so a change is seen through the
 * edge as soon as Next's own cache has it. EDGE_PURGE_URLS lists every edge (comma or space
 * separated); unset, there is nothing to purge. A failed purge is retried, then logged: it never
 * fails the save that caused it (the page stays stale at that edge until the next purge).
 */

/** Waits between the attempts at one edge, in milliseconds. */
export const PURGE_RETRY_DELAYS_MS = [250, 1_000, 4_000]
const PURGE_TIMEOUT_MS = 2_000

export const edgePurgeUrls = (value = process.env.EDGE_PURGE_URLS): string[] =>
  (value ?? '').split(/[\s,]+/).filter(Boolean)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The request Varnish's VCL (deploy/varnish/inkwell.vcl) takes as a purge by keys. */
export const purgeRequest = (
  keys: string[],
  secret = process.env.EDGE_PURGE_SECRET,
): RequestInit => ({
  method: 'PURGE',
  headers: { 'xkey-purge': keys.join(' '), ...(secret ? { 'x-purge-secret': secret } : {}) },
  signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
})

const purgeOne = async (url: string, keys: string[], delays: number[]): Promise<boolean> => {
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

/** Purges the keys on every configured edge; resolves with how many edges took the purge. */
export const purgeEdges = async (
  keys: string[],
  urls = edgePurgeUrls(),
  delays = PURGE_RETRY_DELAYS_MS,
): Promise<number> => {
  if (!keys.length || !urls.length) return 0
  const results = await Promise.all(urls.map((url) => purgeOne(url, keys, delays)))
  return results.filter(Boolean).length
}
