import type { Payload, PayloadRequest } from 'payload'

import { commentablePost } from '@/lib/comments/commentablePost'
import { replyDepth } from '@/lib/comments/replyTarget'
import type { Comment } from '@/payload-types'

import { refuse } from './refusals'

/**
 * The post must be one readers may comment on (published, open): else 403. Its id comes back as
 * the database stores it, to be written in place of whatever form it was sent in.
 */
export const requireOpenPost = async (
  payload: Payload,
  post: Comment['id'],
  settings: { closeAfterDays: number },
) => {
  const found = await commentablePost(payload, post, settings)
  if ('refusal' in found) throw refuse(found.refusal, 403)
  return found.id
}

/**
 * A reply answers an approved comment on the same post, not already at the deepest level (else
 * 400). Returns how deep the comment sits and the answered comment's id as stored.
 */
export const requireReplyPlace = async (
  req: PayloadRequest,
  { post, parent }: { post: Comment['id']; parent?: Comment['id'] },
  maxDepth: number,
) => {
  const reply = await replyDepth(req, {
    parentId: parent ?? null,
    postId: post,
    statuses: ['approved'],
    maxDepth,
  })
  if ('refusal' in reply) throw refuse(reply.refusal, 400)
  return { parent: reply.parent, threadDepth: reply.depth }
}
