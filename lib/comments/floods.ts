import type { Payload } from 'payload'

import { countEvent, peekEvents } from '@/lib/server/limits'

/**
 * How fast comments may come. Only two rules refuse, and both are about the one asking: a
 * person (an address and an email together) posting again within seconds, and an address
 * sending far more than a waiting room of people would. Everything else holds the comment for
 * a moderator instead, so two people behind one address (a clinic's Wi-Fi, a mobile carrier)
 * can both comment, and nothing a commenter sees depends on what others did.
 */
export const FLOOD_RULES = {
  person: { name: 'comment-person', seconds: 15, max: 1 },
  addressCeiling: { name: 'comment-address', seconds: 600, max: 30 },
  address: { name: 'comment-address', seconds: 600, max: 5 },
  email: { name: 'comment-email', seconds: 600, max: 5 },
  post: { name: 'comment-post', seconds: 600, max: 20 },
} as const

export const FLOOD_MESSAGES = {
  person: 'Please wait a few seconds before posting another comment.',
  addressCeiling:
    'Many comments have come from your network in the last few minutes. Please try again later.',
} as const

export type FloodKeys = { ipHash: string; emailHash: string; postId: string }
export type FloodCheck = { refusal: string | null; holds: string[] }

/**
 * Counts a submission against every rule. A refusal is checked first and stops the count, so a
 * refused attempt does not use up what the address or email may send later.
 */
export const checkFloods = async (payload: Payload, keys: FloodKeys): Promise<FloodCheck> => {
  const { person, addressCeiling, address, email, post } = FLOOD_RULES
  const personKey = `${keys.ipHash}:${keys.emailHash}`
  if ((await countEvent(payload, person, personKey)) > person.max) {
    return { refusal: FLOOD_MESSAGES.person, holds: [] }
  }
  if ((await peekEvents(payload, addressCeiling, keys.ipHash)) >= addressCeiling.max) {
    return { refusal: FLOOD_MESSAGES.addressCeiling, holds: [] }
  }
  const [fromAddress, fromEmail, onPost] = await Promise.all([
    countEvent(payload, address, keys.ipHash),
    countEvent(payload, email, keys.emailHash),
    countEvent(payload, post, keys.postId),
  ])
  const holds: string[] = []
  if (fromAddress > address.max)
    holds.push(`${fromAddress} comments from one address in 10 minutes`)
  if (fromEmail > email.max) holds.push(`${fromEmail} comments from this email in 10 minutes`)
  if (onPost > post.max) holds.push(`${onPost} comments on this post in 10 minutes`)
  return { refusal: null, holds }
}
