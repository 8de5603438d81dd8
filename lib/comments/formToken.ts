import { createHmac, timingSafeEqual } from 'node:crypto'

/** A person needs a few seconds to write a comment; a bot posting at once is refused. */
export const MIN_SECONDS_TO_SUBMIT = 3
/** Older tokens are refused. Post pages re-render at least daily, so cached forms stay valid. */
export const MAX_TOKEN_AGE_SECONDS = 3 * 24 * 60 * 60

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`comment-form:${payload}`).digest('base64url')

/** A token for the comment form of one post, stamped with when the page was rendered. */
export const issueFormToken = (
  secret: string,
  postId: string | number,
  now = Date.now(),
): string => {
  const payload = `${postId}.${Math.floor(now / 1000)}`
  return `${payload}.${sign(secret, payload)}`
}

export type TokenCheck = { ok: true } | { ok: false; reason: 'invalid' | 'too-fast' | 'expired' }

/**
 * Checks a token belongs to this post, is ours, and is neither too fresh nor too old. Cached
 * pages hand out the same token to many readers, so the age counts from the page's render.
 */
export const checkFormToken = (
  secret: string,
  token: string,
  postId: string | number,
  now = Date.now(),
): TokenCheck => {
  const [tokenPost, issued, mac] = token.split('.')
  if (!tokenPost || !issued || !mac || tokenPost !== String(postId))
    return { ok: false, reason: 'invalid' }
  const expected = Buffer.from(sign(secret, `${tokenPost}.${issued}`))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'invalid' }
  const age = now / 1000 - Number(issued)
  if (!Number.isFinite(age) || age > MAX_TOKEN_AGE_SECONDS) return { ok: false, reason: 'expired' }
  if (age < MIN_SECONDS_TO_SUBMIT) return { ok: false, reason: 'too-fast' }
  return { ok: true }
}
