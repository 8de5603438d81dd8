import 'server-only'

import { CacheTags } from '@/lib/cacheTags'
import { issueFormToken } from '@/lib/comments/formToken'
import { relationId } from '@/lib/comments/ids'
import { moderationSettings } from '@/lib/comments/settings'
import { commentPageHref, pageOfComment, type PagingSettings } from '@/lib/comments/pages'
import { buildThreads, type CommentView } from '@/lib/comments/threads'

import { cachedRead } from './cachedRead'
import { getPayloadClient } from './payload'

/**
 * A post's approved comments, all of them (pages of threads are cut from this list), with only
 * what readers may see: no email, IP, agent or signals are selected, so none can reach a page or
 * its RSC payload. Which comments a reader may see (approved, on a live post) is the
 * collection's read rule, applied here as to any visitor; readers cannot even filter on a status.
 */
export const getApprovedComments = (postId: string): Promise<CommentView[]> =>
  cachedRead(['comments', postId], [CacheTags.comments(postId)], async () => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'comments',
      overrideAccess: false,
      where: { post: { equals: postId } },
      sort: 'createdAt',
      pagination: false,
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

export type CommentSettings = PagingSettings & { maxThreadDepth: number; closeAfterDays: number }

/** The moderation settings that shape a post page: depth, paging and when comments close. */
export const getCommentSettings = (): Promise<CommentSettings> =>
  cachedRead(['comment-settings'], [CacheTags.settings], async () => {
    const settings = await moderationSettings(await getPayloadClient())
    const { maxThreadDepth, closeAfterDays, threadsPerPage, threadOrder } = settings
    return { maxThreadDepth, closeAfterDays, threadsPerPage, threadOrder }
  })

/**
 * How many approved comments each post has, for the post cards of a list. One count per post,
 * under the same read rule as the comments themselves; refreshed when any comment is approved
 * or withdrawn.
 */
export const getCommentCounts = (postIds: string[]): Promise<Record<string, number>> =>
  cachedRead(['comment-counts', ...postIds], [CacheTags.allComments], async () => {
    const payload = await getPayloadClient()
    const counts = await Promise.all(
      postIds.map(async (id) => {
        const { totalDocs } = await payload.count({
          collection: 'comments',
          overrideAccess: false,
          where: { post: { equals: id } },
        })
        return [id, totalDocs] as const
      }),
    )
    return Object.fromEntries(counts)
  })

/**
 * Where a comment is shown: its post's page of comments, with its anchor. Null for anything a
 * reader may not see (held, spam, on a draft) exactly as for an id that never existed, so the
 * answer tells nothing about comments that are not public.
 */
export const findCommentAddress = async (id: string): Promise<string | null> => {
  const payload = await getPayloadClient()
  const comment = await payload
    .findByID({
      collection: 'comments',
      id,
      depth: 0,
      overrideAccess: false,
      select: { post: true },
    })
    .catch(() => null)
  const postId = relationId(comment?.post)
  if (!comment || !postId) return null
  const post = await payload
    .findByID({
      collection: 'posts',
      id: postId,
      depth: 0,
      overrideAccess: false,
      select: { slug: true },
    })
    .catch(() => null)
  if (!post?.slug) return null
  const [comments, settings] = await Promise.all([
    getApprovedComments(postId),
    getCommentSettings(),
  ])
  const page = pageOfComment(
    buildThreads(comments, settings.maxThreadDepth),
    settings,
    String(comment.id),
  )
  return page === null ? null : `${commentPageHref(post.slug, page)}#comment-${comment.id}`
}

/** A signed time token for a post's comment form. */
export const getCommentFormToken = async (postId: string | number): Promise<string> => {
  const payload = await getPayloadClient()
  return issueFormToken(payload.secret, postId)
}
