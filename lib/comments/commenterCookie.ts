import { randomBytes } from 'node:crypto'

import { sameSignature, signFor } from '@/lib/signing'

/**
 * The "returning commenter" proof. A reader's browser gets a signed, random id the first time
 * it posts a comment through the form; each comment stores a hash of that id. A later comment
 * is trusted only when the same browser and the same email already have an approved comment,
 * so knowing someone's email (a moderator's, a regular reader's) proves nothing.
 */
export const COMMENTER_COOKIE = 'inkwell_commenter'
export const COMMENTER_COOKIE_MAX_AGE = 365 * 24 * 60 * 60

const mac = (secret: string, id: string) => signFor(secret, 'commenter', id)

/** A new cookie value: a random id and its signature. */
export const newCommenterCookie = (secret: string): string => {
  const id = randomBytes(18).toString('base64url')
  return `${id}.${mac(secret, id)}`
}

/** The id in a cookie value, when it is one we signed; otherwise null. */
export const commenterIdOf = (secret: string, value: string | null | undefined): string | null => {
  const [id, signature, ...rest] = (value ?? '').split('.')
  if (!id || !signature || rest.length || !/^[\w-]{16,64}$/.test(id)) return null
  return sameSignature(mac(secret, id), signature) ? id : null
}

/** What a comment stores of the id: enough to match, never the id itself. */
export const commenterKey = (secret: string, id: string): string =>
  signFor(secret, 'commenter-key', id, 'hex').slice(0, 32)

/** The cookie's value from a Cookie request header, or null. */
export const commenterCookieFromHeader = (cookieHeader: string | null): string | null => {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === COMMENTER_COOKIE) return value.join('=')
  }
  return null
}
