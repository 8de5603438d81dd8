import type { Payload, Where } from 'payload'

import { moderationSettings } from './settings'

const DAY_MS = 86_400_000

const daysBefore = (now: Date, days: number) =>
  new Date(now.getTime() - days * DAY_MS).toISOString()

/**
 * Removes the IP hash and user agent of comments older than the retention period (Moderation
 * settings). They only serve the flood and duplicate rules, which look back minutes, and a
 * moderator judging a recent comment. Readers' pages show neither, so no page is refreshed.
 * Returns how many comments were cleared.
 */
export const forgetOldCommenterDetails = async (payload: Payload, now = new Date()) => {
  const { commenterDetailsDays } = await moderationSettings(payload)
  const { docs, errors } = await payload.update({
    collection: 'comments',
    where: {
      and: [
        { createdAt: { less_than: daysBefore(now, commenterDetailsDays) } },
        { or: [{ ipHash: { exists: true } }, { userAgent: { exists: true } }] },
      ],
    },
    data: { ipHash: null, userAgent: null },
    depth: 0,
    select: { status: true },
    context: { disableRevalidate: true },
  })
  if (errors.length) throw new Error(`Could not clear ${errors.length} comments' IP hash and agent`)
  return docs.length
}

/** Comments whose status is `status` and has been since before `before`. */
const statusSince = (status: 'spam' | 'trash', before: string): Where => ({
  and: [
    { status: { equals: status } },
    {
      or: [
        { statusChangedAt: { less_than: before } },
        // Comments from before statusChangedAt existed (MongoDB has no backfill): last change.
        { and: [{ statusChangedAt: { exists: false } }, { updatedAt: { less_than: before } }] },
      ],
    },
  ],
})

/**
 * Deletes for good spam and trash older than their settings' number of days. A reply under a
 * deleted comment stays and is shown at the top level of its thread (lib/comments/threads).
 * Returns how many comments were deleted.
 */
export const emptySpamAndTrash = async (payload: Payload, now = new Date()) => {
  const { spamDays, trashDays } = await moderationSettings(payload)
  const { docs, errors } = await payload.delete({
    collection: 'comments',
    where: {
      or: [
        statusSince('spam', daysBefore(now, spamDays)),
        statusSince('trash', daysBefore(now, trashDays)),
      ],
    },
    depth: 0,
    select: { status: true },
  })
  if (errors.length) throw new Error(`Could not delete ${errors.length} spam or trash comments`)
  return docs.length
}
