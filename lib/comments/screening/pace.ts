import type { Payload } from 'payload'

import { checkFloods } from '@/lib/comments/floods'

import { refuse } from './refusals'

/**
 * The flood rules: a person posting again at once, or an address sending far more than a
 * waiting room would, is refused (429); anything else fast only holds the comment, and the
 * reasons come back for the moderator.
 */
export const requireCalmPace = async (
  payload: Payload,
  keys: { ipHash: string; emailHash: string; postId: string },
): Promise<string[]> => {
  const floods = await checkFloods(payload, keys)
  if (floods.refusal) throw refuse(floods.refusal, 429)
  return floods.holds
}
