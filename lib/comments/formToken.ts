import { randomBytes } from 'node:crypto'

import { sameSignature, signFor } from '@/lib/signing'

/** A person needs a few seconds to write a comment; a bot posting at once is refused. */
export const MIN_SECONDS_TO_SUBMIT = 3
/**
 * Older tokens are refused. Post pages re-render at least daily and the form asks for a fresh
 * token when a reader starts writing, so a day's margin covers a reader who writes slowly.
 */
export const MAX_TOKEN_AGE_SECONDS = 2 * 24 * 60 * 60

const sign = (secret: string, payload: string) => signFor(secret, 'comment-form', payload)

/**
 * A token for the comment form of one post, stamped with when it was issued and a random
 * nonce, so each can be used once (per person: a cached page hands one token to many readers).
 */
export const issueFormToken = (
  secret: string,
  postId: string | number,
  now = Date.now(),
): string => {
  const payload = `${postId}.${Math.floor(now / 1000)}.${randomBytes(9).toString('base64url')}`
  return `${payload}.${sign(secret, payload)}`
}

export type TokenCheck =
  { ok: true; nonce: string } | { ok: false; reason: 'invalid' | 'too-fast' | 'expired' }

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
  const [tokenPost, issued, nonce, mac, ...rest] = token.split('.')
  if (!tokenPost || !issued || !nonce || !mac || rest.length || tokenPost !== String(postId))
    return { ok: false, reason: 'invalid' }
  if (!sameSignature(sign(secret, `${tokenPost}.${issued}.${nonce}`), mac))
    return { ok: false, reason: 'invalid' }
  const age = now / 1000 - Number(issued)
  if (!Number.isFinite(age) || age > MAX_TOKEN_AGE_SECONDS) return { ok: false, reason: 'expired' }
  if (age < MIN_SECONDS_TO_SUBMIT) return { ok: false, reason: 'too-fast' }
  return { ok: true, nonce }
}

/** The window in which a used token is remembered: as long as it could be accepted. */
export const USED_TOKENS = { name: 'comment-token', seconds: MAX_TOKEN_AGE_SECONDS }
