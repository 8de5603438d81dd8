import 'server-only'

import { CacheTags } from '@/lib/cacheTags'
import { issueFormToken } from '@/lib/comments/formToken'
import { relationId } from '@/lib/comments/ids'
import { moderationSettings } from '@/lib/comments/settings'
import type { CommentView } from '@/lib/comments/threads'

import { cachedRead } from './cachedRead'
import { getPayloadClient } from './payload'

/**
 * A post's approved comments with only what readers may see: no email, IP, agent or signals
 * are selected, so none can reach a page or its RSC payload. Which comments a reader may see
 * (approved, on a live post) is the collection's read rule, applied here as to any visitor;
 * readers cannot even filter on a status.
 */
export const getApprovedComments = (postId: string): Promise<CommentView[]> =>
  cachedRead(['comments', postId], [CacheTags.comments(postId)], async () => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'comments',
      overrideAccess: false,
      where: { post: { equals: postId } },
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
      parentId: relationId(c.parent),
      name: c.authorName ?? 'Anonymous',
      website: c.authorWebsite ?? null,
      body: c.body,
      postedAt: c.submittedAt ?? c.createdAt,
      isStaff: Boolean(c.isStaffReply),
    }))
  })

/** The two moderation settings that shape a post page: thread depth and when comments close. */
export const getCommentSettings = (): Promise<{ maxThreadDepth: number; closeAfterDays: number }> =>
  cachedRead(['comment-settings'], [CacheTags.settings], async () => {
    const { maxThreadDepth, closeAfterDays } = await moderationSettings(await getPayloadClient())
    return { maxThreadDepth, closeAfterDays }
  })

/** A signed time token for a post's comment form. */
export const getCommentFormToken = async (postId: string | number): Promise<string> => {
  const payload = await getPayloadClient()
  return issueFormToken(payload.secret, postId)
}
