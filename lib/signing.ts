import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * An HMAC of a text, signed for one purpose ("preview", "comment-form", "ip"...), so that a
 * signature made for one thing can never pass for another.
 */
export const signFor = (
  secret: string,
  purpose: string,
  text: string,
  encoding: 'base64url' | 'hex' = 'base64url',
): string => createHmac('sha256', secret).update(`${purpose}:${text}`).digest(encoding)

/** Whether a signature someone sent is the expected one, compared in constant time. */
export const sameSignature = (expected: string, given: string): boolean => {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
