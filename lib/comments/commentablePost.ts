import type { Payload } from 'payload'

import { commentsClosedReason } from './closing'
import { moderationSettings } from './settings'

/**
 * Whether readers may comment on a post, judged as a reader: the post must be one they can read
 * (published, its date come: the collection's access rules decide) and open for comments.
 * Drafts, future posts and ids that do not exist all answer alike.
 */
export const commentRefusalFor = async (
  payload: Payload,
  postId: string,
  settings?: { closeAfterDays: number },
): Promise<string | null> => {
  const [{ closeAfterDays }, { docs }] = await Promise.all([
    settings ?? moderationSettings(payload),
    payload.find({
      collection: 'posts',
      // No user and no request: judged as an anonymous reader sees the post, even when a staff
      // member's session came with the submission.
      overrideAccess: false,
      draft: false,
      where: { id: { equals: postId } },
      depth: 0,
      limit: 1,
      pagination: false,
      select: { commentsOpen: true, publishedAt: true },
    }),
  ])
  return commentsClosedReason(docs[0], closeAfterDays)
}
