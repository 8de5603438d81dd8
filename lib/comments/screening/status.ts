import type { PayloadRequest } from 'payload'

import { clinicNameUsed } from '@/lib/comments/clinicNames'
import { returningStatus } from '@/lib/comments/returningCommenter'
import type { ModerationSettings } from '@/lib/comments/settings'
import { type CommentStatus, SIGNALS, parseWordList, screenComment } from '@/lib/comments/signals'
import type { CommentSubmission } from '@/lib/schemas/comment'

import { isDuplicate } from './duplicate'
import type { Submitter } from './submitter'

type Facts = {
  input: Pick<CommentSubmission, 'authorName' | 'authorWebsite' | 'body'>
  who: Pick<Submitter, 'email' | 'ipHash' | 'key'>
  bodyFingerprint: string
  /** Reasons found by earlier checks (the flood rules) to hold the comment. */
  holds: string[]
  settings: Pick<
    ModerationSettings,
    | 'maxLinks'
    | 'disallowedWords'
    | 'moderationWords'
    | 'trustApprovedCommenters'
    | 'pendingCeiling'
  >
}

/**
 * The status of a comment no rule refused, and the signals that explain it to a moderator: a
 * duplicate goes to the trash; otherwise the moderation rules decide (words, links, holds, a
 * signature with the clinic's name, a proven returning commenter). A comment held past the
 * queue's ceiling is held quietly, without an email.
 */
export const decideStatus = async (
  req: PayloadRequest,
  { input, who, bodyFingerprint, holds, settings }: Facts,
): Promise<{ status: CommentStatus; signals: string[] }> => {
  const [duplicate, returning, clinicName] = await Promise.all([
    isDuplicate(req, { bodyFingerprint, email: who.email, ipHash: who.ipHash }),
    returningStatus(req, { email: who.email, key: who.key }),
    clinicNameUsed(req.payload, input.authorName),
  ])
  if (duplicate) return { status: 'trash', signals: [SIGNALS.duplicate] }
  const screened = screenComment({
    texts: [input.authorName, input.body, input.authorWebsite ?? ''],
    maxLinks: settings.maxLinks,
    disallowedWords: parseWordList(settings.disallowedWords),
    moderationWords: parseWordList(settings.moderationWords),
    returning,
    trustApproved: settings.trustApprovedCommenters,
    holds: clinicName
      ? [...holds, `signed with the name of the clinic or its staff: ${clinicName}`]
      : holds,
  })
  if (screened.status === 'pending') {
    const pending = await req.payload.count({
      collection: 'comments',
      where: { status: { equals: 'pending' } },
      req,
    })
    if (pending.totalDocs >= settings.pendingCeiling) screened.signals.push(SIGNALS.queueFull)
  }
  return screened
}
