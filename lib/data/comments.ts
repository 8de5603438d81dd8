import 'server-only'

import { unstable_cache } from 'next/cache'

import { CacheTags } from '@/lib/cacheTags'
import { issueFormToken } from '@/lib/comments/formToken'
import type { CommentView } from '@/lib/comments/threads'

import { getPayloadClient } from './payload'

const idOf = (value: unknown): string | null =>
  value == null ? null : typeof value === 'object' && 'id' in value ? String(value.id) : String(value)

/**
 * A post's approved comments with only what readers may see: no email, IP, agent or signals
 * are selected, so none can reach a page or its RSC payload.
 */
export const getApprovedComments = (postId: string): Promise<CommentView[]> =>
  unstable_cache(
    async () => {
      const payload = await getPayloadClient()
      const { docs } = await payload.find({
        collection: 'comments',
        overrideAccess: false,
        where: { and: [{ post: { equals: postId } }, { status: { equals: 'approved' } }] },
        sort: 'createdAt',
        limit: 1000,
        depth: 0,
        select: {
          authorName: true,
          authorWebsite: true,
          body: true,
          parent: true,
          isStaffReply: true,
          submittedAt: true,
          createdAt: true,
        },
      })
      return docs.map((c) => ({
        id: String(c.id),
        parentId: idOf(c.parent),
        name: c.authorName ?? 'Anonymous',
        website: c.authorWebsite ?? null,
        body: c.body,
        postedAt: c.submittedAt ?? c.createdAt,
        isStaff: Boolean(c.isStaffReply),
      }))
    },
    ['comments', postId],
    { tags: [CacheTags.comments(postId)] },
  )()

/** The two moderation settings that shape a post page: thread depth and when comments close. */
export const getCommentSettings = unstable_cache(
  async (): Promise<{ maxThreadDepth: number; closeAfterDays: number }> => {
    const payload = await getPayloadClient()
    // The settings are staff-only (word lists); the server reads just these two numbers.
    const s = await payload.findGlobal({ slug: 'moderation-settings', depth: 0, overrideAccess: true })
    return { maxThreadDepth: s.maxThreadDepth ?? 3, closeAfterDays: s.closeAfterDays ?? 0 }
  },
  ['comment-settings'],
  { tags: [CacheTags.settings] },
)

/** A signed time token for a post's comment form. */
export const getCommentFormToken = async (postId: string): Promise<string> => {
  const payload = await getPayloadClient()
  return issueFormToken(payload.secret, postId)
}
