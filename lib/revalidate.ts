import { createHmac, timingSafeEqual } from 'node:crypto'

import { revalidateTag } from 'next/cache.js'
import type { Payload, RequestContext } from 'payload'

/** Hooks skip revalidation when the change comes from seeding or an import run. */
export const skipRevalidate = (context: RequestContext | undefined): boolean =>
  Boolean(context?.disableRevalidate)

/** Signature a peer process sends so the server trusts its revalidation request. */
export const revalidateSignature = (secret: string, tags: string[]): string =>
  createHmac('sha256', secret)
    .update(`revalidate:${tags.join(',')}`)
    .digest('hex')

export const isValidRevalidateSignature = (
  secret: string,
  tags: string[],
  signature: string,
): boolean => {
  const expected = Buffer.from(revalidateSignature(secret, tags))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
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
    for (const tag of unique) revalidateTag(tag, { expire: 0 })
    return
  } catch (error) {
    if (!isOutsideNextRequest(error)) throw error
  }
  const url = process.env.REVALIDATE_URL
  if (!url) return
  try {
    const response = await fetch(new URL('/api/revalidate', url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-revalidate-signature': revalidateSignature(payload.secret, unique),
      },
      body: JSON.stringify({ tags: unique }),
    })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
  } catch (error) {
    payload.logger.warn({ msg: `Could not revalidate ${unique.join(', ')} at ${url}`, err: error })
  }
}
