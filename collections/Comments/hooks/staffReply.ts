import { type PayloadRequest, ValidationError } from 'payload'

import { relationId } from '@/lib/comments/ids'
import { replyDepth } from '@/lib/comments/replyTarget'
import { moderationSettings } from '@/lib/comments/settings'
import { staffReplySchema } from '@/lib/schemas/comment'

const FIELD_PATHS: Record<string, string> = {
  name: 'authorName',
  website: 'authorWebsite',
  body: 'body',
}

const invalid = (errors: { path: string; message: string }[]) =>
  new ValidationError({ collection: 'comments', errors })

/** The post a staff reply belongs to: the one chosen, or the one of the comment it answers. */
const postOf = async (data: Record<string, unknown>, req: PayloadRequest) => {
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
 */
export const staffReply = async (data: Record<string, unknown>, req: PayloadRequest) => {
  const parsed = staffReplySchema.safeParse({
    name: data.authorName,
    website: data.authorWebsite ?? undefined,
    body: data.body,
  })
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((issue) => ({
        path: FIELD_PATHS[String(issue.path[0])] ?? String(issue.path[0]),
        message: issue.message,
      })),
    )
  }
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
    authorName: parsed.data.name ?? (site.siteName || 'The clinic'),
    authorEmail: req.user?.email,
    authorWebsite: parsed.data.website ?? null,
    body: parsed.data.body,
    status: 'approved',
    isStaffReply: true,
    threadDepth: reply.depth,
    submittedAt: new Date().toISOString(),
    signals: ['reply by staff'],
  }
}
