import type { Payload } from 'payload'

import type { Post } from '@/payload-types'

import { commentsClosedReason } from './closing'
import { moderationSettings } from './settings'

/**
 * Whether readers may comment on a post, judged as a reader: the post must be one they can read
 * (published, its date come: the collection's access rules decide) and open for comments.
 * Drafts, future posts and ids that do not exist all answer alike. An open post comes back with
 * its id as the database stores it, whatever form the id was asked in.
 */
export const commentablePost = async (
  payload: Payload,
  postId: string | number,
  settings?: { closeAfterDays: number },
): Promise<{ id: Post['id'] } | { refusal: string }> => {
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
  const post = docs[0]
  const refusal = commentsClosedReason(post, closeAfterDays)
  // A missing post always has a reason; the fallback only tells the compiler so.
  return post && !refusal
    ? { id: post.id }
    : { refusal: refusal ?? 'This post cannot be commented on.' }
}

/** Why readers may not comment on a post, or null when they may (see commentablePost). */
export const commentRefusalFor = async (
  payload: Payload,
  postId: string | number,
  settings?: { closeAfterDays: number },
): Promise<string | null> => {
  const found = await commentablePost(payload, postId, settings)
  return 'refusal' in found ? found.refusal : null
}
