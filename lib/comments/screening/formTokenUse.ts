import type { Payload } from 'payload'

import { USED_TOKENS, checkFormToken } from '@/lib/comments/formToken'
import { countEvent } from '@/lib/server/limits'
import type { CommentSubmission } from '@/lib/schemas/comment'

import { refuse } from './refusals'

export const TOKEN_REFUSALS = {
  'too-fast': 'That was quick! Please take a moment to check your comment, then post it again.',
  invalid: 'This form has expired. Please reload the page and post your comment again.',
  expired: 'This form has expired. Please reload the page and post your comment again.',
  used: 'This form was already used to post a comment. Please reload the page to post another.',
} as const

/** The form's time token must be ours, for this post, and neither too fresh nor too old. */
export const checkToken = (
  secret: string,
  { formToken, post }: Pick<CommentSubmission, 'formToken' | 'post'>,
  now = Date.now(),
): string => {
  const token = checkFormToken(secret, formToken, post, now)
  if (!token.ok) throw refuse(TOKEN_REFUSALS[token.reason], 400)
  return token.nonce
}

/**
 * One comment per token and person: a cached page's token is shared by its readers, so its use
 * is counted per address and email. Counted after the flood rules, as before them a refused
 * attempt would use the token up.
 */
export const spendToken = async (
  payload: Payload,
  nonce: string,
  { ipHash, emailHash }: { ipHash: string; emailHash: string },
): Promise<void> => {
  const uses = await countEvent(payload, USED_TOKENS, `${nonce}:${ipHash}:${emailHash}`)
  if (uses > 1) throw refuse(TOKEN_REFUSALS.used, 400)
}
