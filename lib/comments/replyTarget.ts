import type { PayloadRequest } from 'payload'

import type { Comment } from '@/payload-types'

export const REPLY_REFUSALS = {
  missing: 'The comment you are replying to is not available.',
  tooDeep: 'This conversation is too deep to reply to. Please reply further up.',
} as const

type Statuses = ('approved' | 'pending')[]

/**
 * How deep a reply sits: one below the comment it answers, which must be on the same post and
 * in one of the given statuses (readers answer approved comments; staff may answer any that is
 * not spam or trash). A refusal when it is not, or when the reply would nest past the limit.
 * The comment answered comes back with its id as the database stores it.
 */
export const replyDepth = async (
  req: PayloadRequest,
  {
    parentId,
    postId,
    statuses,
    maxDepth,
  }: {
    parentId: string | number | null
    postId: string | number
    statuses: Statuses
    maxDepth: number
  },
): Promise<{ depth: number; parent: Comment['id'] | null } | { refusal: string }> => {
  if (parentId == null || parentId === '') return { depth: 1, parent: null }
  const { docs } = await req.payload.find({
    collection: 'comments',
    where: {
      and: [
        { id: { equals: parentId } },
        { post: { equals: postId } },
        { status: { in: statuses } },
      ],
    },
    depth: 0,
    limit: 1,
    pagination: false,
    select: { threadDepth: true },
    req,
  })
  const found = docs[0]
  if (!found) return { refusal: REPLY_REFUSALS.missing }
  const depth = (found.threadDepth ?? 1) + 1
  return depth > maxDepth ? { refusal: REPLY_REFUSALS.tooDeep } : { depth, parent: found.id }
}
