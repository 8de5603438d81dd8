import type { PayloadRequest } from 'payload'

import { clientIp, hashEmail, hashIp, userAgentOf } from '@/lib/comments/client'
import {
  commenterCookieFromHeader,
  commenterIdOf,
  commenterKey,
} from '@/lib/comments/commenterCookie'

export type Submitter = {
  /** The email as stored: lower case, so one person's comments are found together. */
  email: string
  ipHash: string
  emailHash: string
  /** The browser's returning-commenter key, when it has a signed cookie. */
  key: string | null
  userAgent: string
}

/**
 * Who sent a comment, as the rules count and recognise them: salted hashes of the address and
 * email, never the address itself. The form's action reads the request it was sent with and
 * passes what it found in the context; REST and GraphQL requests are read here.
 */
export const submitterOf = (req: PayloadRequest, authorEmail: string): Submitter => {
  const { secret } = req.payload
  const form = req.context.commentForm ?? {}
  const headers = req.headers ?? new Headers()
  const email = authorEmail.toLowerCase()
  const commenterId =
    form.commenterId ?? commenterIdOf(secret, commenterCookieFromHeader(headers.get('cookie')))
  return {
    email,
    ipHash: hashIp(secret, form.clientIp ?? clientIp(headers)),
    emailHash: hashEmail(secret, email),
    key: commenterId ? commenterKey(secret, commenterId) : null,
    userAgent: form.userAgent ?? userAgentOf(headers),
  }
}
