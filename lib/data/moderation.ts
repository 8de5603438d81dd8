import 'server-only'

import type { Payload, Where } from 'payload'

import { mayModerate } from '@/access/canModerate'
import { relationId } from '@/lib/comments/ids'
import { formatDateTime } from '@/lib/format'
import {
  COMMENT_STATUSES,
  type CommentStatus,
  type ModerationTab,
  statusesOf,
} from '@/lib/moderation/tabs'
import type { User } from '@/payload-types'

/** Who is asking, and the Payload they ask through. */
type Asker = { payload: Payload; user: User | null }

export type ModerationCounts = Record<ModerationTab, number>

/** One comment as the queue shows it: a small plain object, safe to hand to a client component. */
export type QueueRow = {
  id: string
  /** The id as the database gives it (number or string), to send back as a reply's parent. */
  ref: number | string
  status: CommentStatus
  authorName: string
  authorEmail: string | null
  authorWebsite: string | null
  body: string
  post: { id: string; title: string; live: boolean } | null
  postedAt: string
  /** postedAt in the site's time zone, formatted on the server so the browser shows the same. */
  postedLabel: string
  signals: string[]
  isStaffReply: boolean
  replyTo: { id: string; authorName: string } | null
  /** Approved comments written earlier with the same email: WordPress's "n approved". */
  earlierApproved: number
  /** Where readers see it, when they can: approved, on a live post. */
  viewUrl: string | null
  editUrl: string
}

export type ModerationQueue = {
  rows: QueueRow[]
  page: number
  totalPages: number
  totalDocs: number
}

const statusWhere = (tab: ModerationTab): Where => ({ status: { in: statusesOf(tab) } })

/**
 * How many comments each tab of the moderation queue holds, read with the asker's access; null
 * for anyone who may not moderate (editors, visitors). The collection's rules apply on top.
 */
export const getModerationCounts = async ({
  payload,
  user,
}: Asker): Promise<ModerationCounts | null> => {
  if (!mayModerate(user)) return null
  const totals = await Promise.all(
    COMMENT_STATUSES.map(async (status) => {
      const { totalDocs } = await payload.count({
        collection: 'comments',
        where: { status: { equals: status } },
        overrideAccess: false,
        user,
      })
      return [status, totalDocs] as const
    }),
  )
  const counts = Object.fromEntries(totals) as Record<CommentStatus, number>
  return { ...counts, all: counts.pending + counts.approved }
}

const isLive = (post: { _status?: string | null; publishedAt?: string | null }, now: string) =>
  post._status === 'published' && Boolean(post.publishedAt) && post.publishedAt! <= now

/**
 * One page of the moderation queue, newest first, with each comment's post, the comment it
 * answers and its author's earlier approved comments, all read in one query each with the
 * asker's access; null for anyone who may not moderate.
 */
export const getModerationQueue = async (
  { payload, user }: Asker,
  { tab, page = 1, limit = 20 }: { tab: ModerationTab; page?: number; limit?: number },
): Promise<ModerationQueue | null> => {
  if (!mayModerate(user)) return null
  const access = { overrideAccess: false, user } as const
  const result = await payload.find({
    collection: 'comments',
    where: statusWhere(tab),
    sort: '-createdAt',
    page,
    limit,
    depth: 0,
    select: {
      status: true,
      authorName: true,
      authorEmail: true,
      authorWebsite: true,
      body: true,
      post: true,
      parent: true,
      signals: true,
      isStaffReply: true,
      submittedAt: true,
      createdAt: true,
    },
    ...access,
  })
  const comments = result.docs
  const postIds = [...new Set(comments.map((c) => relationId(c.post)).filter(Boolean))]
  const parentIds = [...new Set(comments.map((c) => relationId(c.parent)).filter(Boolean))]
  const emails = [...new Set(comments.map((c) => c.authorEmail?.toLowerCase()).filter(Boolean))]

  const [posts, parents, approved] = await Promise.all([
    postIds.length
      ? payload.find({
          collection: 'posts',
          where: { id: { in: postIds } },
          depth: 0,
          pagination: false,
          select: { title: true, slug: true, _status: true, publishedAt: true },
          ...access,
        })
      : { docs: [] },
    parentIds.length
      ? payload.find({
          collection: 'comments',
          where: { id: { in: parentIds } },
          depth: 0,
          pagination: false,
          select: { authorName: true },
          ...access,
        })
      : { docs: [] },
    emails.length
      ? payload.find({
          collection: 'comments',
          where: { and: [{ authorEmail: { in: emails } }, { status: { equals: 'approved' } }] },
          depth: 0,
          pagination: false,
          select: { authorEmail: true, createdAt: true },
          ...access,
        })
      : { docs: [] },
  ])

  const now = new Date().toISOString()
  const postById = new Map(posts.docs.map((p) => [String(p.id), p]))
  const parentById = new Map(parents.docs.map((c) => [String(c.id), c]))

  const rows = comments.map((c): QueueRow => {
    const id = String(c.id)
    const post = postById.get(relationId(c.post) ?? '')
    const parentId = relationId(c.parent)
    const parent = parentId ? parentById.get(parentId) : undefined
    const email = c.authorEmail?.toLowerCase()
    const live = Boolean(post && isLive(post, now))
    return {
      id,
      ref: c.id,
      status: c.status,
      authorName: c.authorName ?? 'Anonymous',
      authorEmail: c.authorEmail ?? null,
      authorWebsite: c.authorWebsite ?? null,
      body: c.body,
      post: post ? { id: String(post.id), title: post.title, live } : null,
      postedAt: c.submittedAt ?? c.createdAt,
      postedLabel: formatDateTime(c.submittedAt ?? c.createdAt),
      signals: c.signals ?? [],
      isStaffReply: Boolean(c.isStaffReply),
      replyTo: parentId ? { id: parentId, authorName: parent?.authorName ?? 'Anonymous' } : null,
      earlierApproved: email
        ? approved.docs.filter(
            (a) =>
              a.authorEmail?.toLowerCase() === email &&
              String(a.id) !== id &&
              a.createdAt < c.createdAt,
          ).length
        : 0,
      viewUrl: c.status === 'approved' && live && post?.slug ? `/comments/${id}` : null,
      editUrl: `/admin/collections/comments/${id}`,
    }
  })
  return {
    rows,
    page: result.page ?? page,
    totalPages: result.totalPages,
    totalDocs: result.totalDocs,
  }
}
