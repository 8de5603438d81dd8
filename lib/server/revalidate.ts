import { revalidateTag } from 'next/cache.js'
import { after } from 'next/server.js'
import type { Payload, RequestContext } from 'payload'

import { purgeEdges } from '../edge/purge.mjs'
import { repeatWhileSettling } from '../settle.mjs'
import { sameSignature, signFor } from '../signing'

/** Hooks skip revalidation when the change comes from seeding or an import run. */
export const skipRevalidate = (context: RequestContext | undefined): boolean =>
  Boolean(context?.disableRevalidate)

/** How old a revalidation request may be: one seen on the way cannot be sent again later. */
export const REVALIDATE_MAX_AGE_MS = 60_000

/**
 * Signature a peer process sends so the server trusts its revalidation request: the tags and
 * the time it was made (milliseconds), so a request seen on the way cannot be replayed later.
 */
export const revalidateSignature = (secret: string, tags: string[], at: number): string =>
  signFor(secret, 'revalidate', `${at}\n${JSON.stringify(tags)}`, 'hex')

export const isValidRevalidateSignature = (
  secret: string,
  tags: string[],
  at: number,
  signature: string,
  now = Date.now(),
): boolean =>
  Math.abs(now - at) <= REVALIDATE_MAX_AGE_MS &&
  sameSignature(revalidateSignature(secret, tags, at), signature)

/**
 * Expires tags inside a Next request (a route handler or server action), now and again as the
 * change settles (lib/settle.mjs), once the response is sent; each time the edge caches are
 * purged by the same tags once Next's cache has them expired. Throws outside a Next request.
 */
export const expireTagsInRequest = (tags: string[]): void => {
  const expire = () => {
    for (const tag of tags) revalidateTag(tag, { expire: 0 })
  }
  expire()
  const settle = () =>
    repeatWhileSettling(async (again) => {
      if (again) expire()
      await purgeEdges(tags)
    })
  try {
    after(settle)
  } catch {
    // A scope that can revalidate but not run work after the response: the expiry above stands,
    // and the edges are still told.
    void purgeEdges(tags)
  }
}

const isOutsideNextRequest = (error: unknown): boolean =>
  error instanceof Error && /static generation store missing/.test(error.message)

/**
 * Expires cache tags so the next request renders fresh content (not stale-while-revalidate:
 * staff expect to see their edit at once). Inside a Next request (dashboard, REST) this is
 * direct. A Local API write from another process (a script, a benchmark, a test) has no Next
 * cache to touch, so when REVALIDATE_URL names the running server it is asked over HTTP.
 */
export const expireTags = async (payload: Payload, tags: string[]): Promise<void> => {
  const unique = [...new Set(tags)]
  try {
    expireTagsInRequest(unique)
    return
  } catch (error) {
    if (!isOutsideNextRequest(error)) throw error
  }
  // A job run by this server's own queue runner (a scheduled publish) is outside any request
  // too: Next records the server's own address, so it asks itself. REVALIDATE_URL may list
  // several servers.
  const urls = (process.env.REVALIDATE_URL || process.env.__NEXT_PRIVATE_ORIGIN || '')
    .split(/[\s,]+/)
    .filter(Boolean)
  // With several instances any one will do: they share their cache through Redis, and the one
  // that answers purges the edges. The first that answers is enough.
  const failures: string[] = []
  for (const url of urls) {
    try {
      const at = Date.now()
      const response = await fetch(new URL('/api/revalidate', url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-revalidate-signature': revalidateSignature(payload.secret, unique, at),
        },
        body: JSON.stringify({ tags: unique, at }),
      })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return
    } catch (error) {
      failures.push(`${url}: ${String(error)}`)
    }
  }
  if (failures.length) {
    payload.logger.warn(`Could not revalidate ${unique.join(', ')} (${failures.join('; ')})`)
  }
}
