import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { mayModerate } from '@/access/canModerate'
import { relationId } from '@/lib/comments/ids'
import { replyDepth } from '@/lib/comments/replyTarget'
import { invalid } from '@/lib/comments/screening/refusals'
import { moderationSettings } from '@/lib/comments/settings'
import { issuesOf, staffReplySchema } from '@/lib/schemas/comment'
import type { Comment } from '@/payload-types'

/** The post a staff reply belongs to: the one chosen, or the one of the comment it answers. */
const postOf = async (data: Partial<Comment>, req: PayloadRequest) => {
  if (data.post) return data.post
  const parentId = relationId(data.parent)
  if (!parentId) return null
  const { docs } = await req.payload.find({
    collection: 'comments',
    where: { id: { equals: parentId } },
    depth: 0,
    limit: 1,
    pagination: false,
    select: { post: true },
    req,
  })
  return docs[0]?.post ?? null
}

/**
 * A reply written in the dashboard by a moderator or admin: held to the same rules as any
 * comment for what readers will see (name, website, text), placed in its thread at the right
 * depth, signed with the clinic's name unless staff give one, approved and marked Staff.
 * Comments from anyone else are screened by screenNewComment.
 */
export const staffReply: CollectionBeforeChangeHook<Comment> = async ({ data, operation, req }) => {
  if (operation !== 'create' || !mayModerate(req.user)) return data
  const parsed = staffReplySchema.safeParse({
    ...data,
    authorWebsite: data.authorWebsite ?? undefined,
  })
  if (!parsed.success) throw invalid(issuesOf(parsed.error))
  const post = await postOf(data, req)
  const postId = relationId(post)
  const exists =
    postId &&
    (await req.payload.count({ collection: 'posts', where: { id: { equals: postId } }, req }))
      .totalDocs > 0
  if (!postId || !exists) {
    throw invalid([{ path: 'post', message: 'Choose the post, or the comment this replies to.' }])
  }
  const settings = await moderationSettings(req.payload)
  const reply = await replyDepth(req, {
    parentId: relationId(data.parent),
    postId,
    // Staff may answer a comment still waiting (approving it is up to them), not spam or trash.
    statuses: ['approved', 'pending'],
    maxDepth: settings.maxThreadDepth,
  })
  if ('refusal' in reply) throw invalid([{ path: 'parent', message: reply.refusal }])
  const site = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  return {
    post,
    parent: data.parent ?? null,
    authorName: parsed.data.authorName ?? (site.siteName || 'The clinic'),
    authorEmail: req.user?.email,
    authorWebsite: parsed.data.authorWebsite ?? null,
    body: parsed.data.body,
    status: 'approved',
    isStaffReply: true,
    threadDepth: reply.depth,
    submittedAt: new Date().toISOString(),
    signals: ['reply by staff'],
  }
}
