import {
  APIError,
  type CollectionBeforeChangeHook,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import { checkRole } from '@/access/checkRole'
import { clientIp, hashIp, userAgentOf } from '@/lib/comments/client'
import { relationId } from '@/lib/comments/ids'
import { checkFormToken } from '@/lib/comments/formToken'
import { takeCommentAllowance } from '@/lib/comments/rateLimit'
import { parseWordList, screenComment } from '@/lib/comments/signals'
import { commentSchema, fieldErrorsOf } from '@/lib/schemas/comment'

import { commentsClosedReason } from '@/lib/comments/closing'

import { DUPLICATE_WINDOW_MS, moderationSettings } from '@/lib/comments/settings'

/** Form field name -> collection field name, so field errors point at the right place. */
const FIELD_PATHS: Record<string, string> = {
  name: 'authorName',
  email: 'authorEmail',
  website: 'authorWebsite',
  body: 'body',
  postId: 'post',
  parentId: 'parent',
  token: 'formToken',
  homepage: 'homepage',
}

/** What the form's server action passes alongside the data; REST and GraphQL cannot set it. */
export type CommentContext = {
  formToken?: string
  honeypot?: string
  clientIp?: string
  userAgent?: string
  /** Server-side imports and seeds of already-moderated comments skip screening. */
  trustedImport?: boolean
}

const idOf = (value: unknown): string | undefined => relationId(value) ?? undefined

/** Replies written in the dashboard by a moderator or admin: signed as the clinic, approved. */
const staffReply = async (data: Record<string, unknown>, req: PayloadRequest) => {
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  const parentId = idOf(data.parent)
  let post = data.post
  if (!post && parentId) {
    const parent = await req.payload.findByID({
      collection: 'comments',
      id: parentId,
      depth: 0,
      req,
    })
    post = parent.post
  }
  if (!post) {
    throw new ValidationError({
      collection: 'comments',
      errors: [{ path: 'post', message: 'Choose the post, or the comment this replies to.' }],
    })
  }
  return {
    ...data,
    post,
    authorName: data.authorName || settings.siteName || 'The clinic',
    authorEmail: req.user?.email,
    status: 'approved',
    isStaffReply: true,
    submittedAt: new Date().toISOString(),
    signals: ['reply by staff'],
  }
}

/**
 * Every new comment from the public passes here, whatever the path (the form's server action,
 * REST or GraphQL): the same schema, the honeypot, the time token, the post's state, the
 * parent, the rate limits, the duplicate check, then the moderation rules decide the status.
 * A refusal throws before anything is written. Server-owned fields are set here only.
 */
export const screenNewComment: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  if (checkRole(['admin', 'moderator'], req.user)) return staffReply(data, req)
  const ctx = req.context as CommentContext
  if (ctx.trustedImport) return data

  const parsed = commentSchema.safeParse({
    postId: idOf(data.post),
    parentId: idOf(data.parent),
    name: data.authorName,
    email: data.authorEmail,
    website: data.authorWebsite ?? undefined,
    body: data.body,
    token: ctx.formToken ?? data.formToken,
    homepage: ctx.honeypot ?? data.homepage,
  })
  if (!parsed.success) {
    const errors = Object.entries(fieldErrorsOf(parsed.error)).map(([field, message]) => ({
      path: FIELD_PATHS[field] ?? field,
      message: message as string,
    }))
    throw new ValidationError({ collection: 'comments', errors })
  }
  const input = parsed.data
  if (input.homepage) throw new APIError('Your comment could not be posted.', 400, undefined, true)

  const token = checkFormToken(req.payload.secret, input.token, input.postId)
  if (!token.ok) {
    const message =
      token.reason === 'too-fast'
        ? 'That was quick! Please take a moment to check your comment, then post it again.'
        : 'This form has expired. Please reload the page and post your comment again.'
    throw new APIError(message, 400, undefined, true)
  }

  const settings = await moderationSettings(req.payload)
  const { docs: posts } = await req.payload.find({
    collection: 'posts',
    where: { and: [{ id: { equals: input.postId } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    select: { commentsOpen: true, publishedAt: true },
    req,
  })
  const closed = commentsClosedReason(posts[0], settings.closeAfterDays)
  if (closed) throw new APIError(closed, 403, undefined, true)

  let threadDepth = 1
  if (input.parentId) {
    const { docs: parents } = await req.payload.find({
      collection: 'comments',
      where: {
        and: [
          { id: { equals: input.parentId } },
          { post: { equals: input.postId } },
          { status: { equals: 'approved' } },
        ],
      },
      depth: 0,
      limit: 1,
      select: { threadDepth: true },
      req,
    })
    if (!parents[0])
      throw new APIError('The comment you are replying to is not available.', 400, undefined, true)
    threadDepth = (parents[0].threadDepth ?? 1) + 1
    if (threadDepth > settings.maxThreadDepth) {
      throw new APIError(
        'This conversation is too deep to reply to. Please reply further up.',
        400,
        undefined,
        true,
      )
    }
  }

  const headers = req.headers ?? new Headers()
  const ipHash = hashIp(req.payload.secret, ctx.clientIp ?? clientIp(headers))
  const email = input.email.toLowerCase()
  const limited = await takeCommentAllowance(req.payload, ipHash)
  if (limited) throw new APIError(limited, 429, undefined, true)

  const duplicates = await req.payload.count({
    collection: 'comments',
    where: {
      and: [
        { body: { equals: input.body } },
        { createdAt: { greater_than: new Date(Date.now() - DUPLICATE_WINDOW_MS).toISOString() } },
        { or: [{ authorEmail: { equals: email } }, { ipHash: { equals: ipHash } }] },
      ],
    },
    req,
  })
  if (duplicates.totalDocs > 0) {
    throw new APIError('It looks like you already posted this comment.', 409, undefined, true)
  }

  const approvedBefore = await req.payload.count({
    collection: 'comments',
    where: { and: [{ authorEmail: { equals: email } }, { status: { equals: 'approved' } }] },
    req,
  })
  const { status, signals } = screenComment({
    texts: [input.name, input.body, input.website ?? ''],
    maxLinks: settings.maxLinks,
    disallowedWords: parseWordList(settings.disallowedWords),
    moderationWords: parseWordList(settings.moderationWords),
    trusted: approvedBefore.totalDocs > 0,
    trustApproved: settings.trustApprovedCommenters,
  })

  return {
    post: data.post,
    parent: input.parentId ? data.parent : null,
    authorName: input.name,
    authorEmail: email,
    authorWebsite: input.website ?? null,
    body: input.body,
    status,
    signals,
    threadDepth,
    isStaffReply: false,
    ipHash,
    userAgent: ctx.userAgent ?? userAgentOf(headers),
    submittedAt: new Date().toISOString(),
  }
}
