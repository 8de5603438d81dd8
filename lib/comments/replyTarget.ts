import type { PayloadRequest } from 'payload'

export const REPLY_REFUSALS = {
  missing: 'The comment you are replying to is not available.',
  tooDeep: 'This conversation is too deep to reply to. Please reply further up.',
} as const

type Statuses = ('approved' | 'pending')[]

/**
 * How deep a reply sits: one below the comment it answers, which must be on the same post and
 * in one of the given statuses (readers answer approved comments; staff may answer any that is
 * not spam or trash). A refusal when it is not, or when the reply would nest past the limit.
 */
export const replyDepth = async (
  req: PayloadRequest,
  {
    parentId,
    postId,
    statuses,
    maxDepth,
  }: {
    parentId: string | null
    postId: string
    statuses: Statuses
    maxDepth: number
  },
): Promise<{ depth: number } | { refusal: string }> => {
  if (!parentId) return { depth: 1 }
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
  if (!docs[0]) return { refusal: REPLY_REFUSALS.missing }
  const depth = (docs[0].threadDepth ?? 1) + 1
  return depth > maxDepth ? { refusal: REPLY_REFUSALS.tooDeep } : { depth }
}
