import {
  APIError,
  type CollectionBeforeChangeHook,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import { mayModerate } from '@/access/canModerate'
import { clinicNameUsed } from '@/lib/comments/clinicNames'
import { clientIp, hashEmail, hashIp, userAgentOf } from '@/lib/comments/client'
import {
  commenterCookieFromHeader,
  commenterIdOf,
  commenterKey,
} from '@/lib/comments/commenterCookie'
import { commentRefusalFor } from '@/lib/comments/commentablePost'
import { checkFloods } from '@/lib/comments/floods'
import { USED_TOKENS, checkFormToken } from '@/lib/comments/formToken'
import { relationId } from '@/lib/comments/ids'
import { replyDepth } from '@/lib/comments/replyTarget'
import { returningStatus } from '@/lib/comments/returningCommenter'
import { DUPLICATE_WINDOW_MS, moderationSettings } from '@/lib/comments/settings'
import { SIGNALS, parseWordList, screenComment } from '@/lib/comments/signals'
import { fingerprint } from '@/lib/comments/text'
import { countEvent } from '@/lib/limits'
import { commentSchema, fieldErrorsOf } from '@/lib/schemas/comment'

import { staffReply } from './staffReply'

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

const refuse = (message: string, status: number) => new APIError(message, status, undefined, true)

const TOKEN_REFUSALS = {
  'too-fast': 'That was quick! Please take a moment to check your comment, then post it again.',
  invalid: 'This form has expired. Please reload the page and post your comment again.',
  expired: 'This form has expired. Please reload the page and post your comment again.',
  used: 'This form was already used to post a comment. Please reload the page to post another.',
} as const

/** The browser's returning-commenter key: from the form's action, or the cookie on a REST call. */
const commenterKeyOf = (req: PayloadRequest): string | null => {
  const secret = req.payload.secret
  const id =
    req.context.commentForm?.commenterId ??
    commenterIdOf(secret, commenterCookieFromHeader(req.headers?.get('cookie') ?? null))
  return id ? commenterKey(secret, id) : null
}

/**
 * A comment from the public, whatever the path (the form's server action, REST or GraphQL): the
 * same schema, the honeypot, the time token, the post's state, the parent, the flood rules, then
 * the moderation rules decide the status. A refusal throws before anything is written and is
 * about the submitter's own input or pace only; every other outcome (held, spam, a duplicate
 * dropped into the trash) is stored and answered alike. Server-owned fields are set here only.
 */
const screenPublicComment = async (data: Record<string, unknown>, req: PayloadRequest) => {
  const { payload } = req
  const form = req.context.commentForm ?? {}
  const parsed = commentSchema.safeParse({
    postId: relationId(data.post) ?? undefined,
    parentId: relationId(data.parent) ?? undefined,
    name: data.authorName,
    email: data.authorEmail,
    website: data.authorWebsite ?? undefined,
    body: data.body,
    token: form.formToken ?? data.formToken,
    homepage: form.honeypot ?? data.homepage,
  })
  if (!parsed.success) {
    const errors = Object.entries(fieldErrorsOf(parsed.error)).map(([field, message]) => ({
      path: FIELD_PATHS[field] ?? field,
      message: message as string,
    }))
    throw new ValidationError({ collection: 'comments', errors })
  }
  const input = parsed.data
  if (input.homepage) throw refuse('Your comment could not be posted.', 400)
  const token = checkFormToken(payload.secret, input.token, input.postId)
  if (!token.ok) throw refuse(TOKEN_REFUSALS[token.reason], 400)

  const settings = await moderationSettings(payload)
  const closed = await commentRefusalFor(payload, input.postId, settings)
  if (closed) throw refuse(closed, 403)
  const reply = await replyDepth(req, {
    parentId: input.parentId ?? null,
    postId: input.postId,
    statuses: ['approved'],
    maxDepth: settings.maxThreadDepth,
  })
  if ('refusal' in reply) throw refuse(reply.refusal, 400)

  const headers = req.headers ?? new Headers()
  const email = input.email.toLowerCase()
  const ipHash = hashIp(payload.secret, form.clientIp ?? clientIp(headers))
  const emailHash = hashEmail(payload.secret, email)
  const floods = await checkFloods(payload, { ipHash, emailHash, postId: input.postId })
  if (floods.refusal) throw refuse(floods.refusal, 429)
  // One comment per token and person: a cached page's token is shared by its readers.
  const tokenUse = await countEvent(payload, USED_TOKENS, `${token.nonce}:${ipHash}:${emailHash}`)
  if (tokenUse > 1) throw refuse(TOKEN_REFUSALS.used, 400)

  const bodyFingerprint = fingerprint(input.body)
  const key = commenterKeyOf(req)
  const [duplicates, returning, clinicName] = await Promise.all([
    payload.count({
      collection: 'comments',
      where: {
        and: [
          { bodyFingerprint: { equals: bodyFingerprint } },
          { createdAt: { greater_than: new Date(Date.now() - DUPLICATE_WINDOW_MS).toISOString() } },
          { or: [{ authorEmail: { equals: email } }, { ipHash: { equals: ipHash } }] },
        ],
      },
      req,
    }),
    returningStatus(req, { email, key }),
    clinicNameUsed(payload, input.name),
  ])
  const screened =
    duplicates.totalDocs > 0
      ? { status: 'trash' as const, signals: [SIGNALS.duplicate] }
      : screenComment({
          texts: [input.name, input.body, input.website ?? ''],
          maxLinks: settings.maxLinks,
          disallowedWords: parseWordList(settings.disallowedWords),
          moderationWords: parseWordList(settings.moderationWords),
          returning,
          trustApproved: settings.trustApprovedCommenters,
          holds: [
            ...floods.holds,
            ...(clinicName
              ? [`signed with the name of the clinic or its staff: ${clinicName}`]
              : []),
          ],
        })
  if (screened.status === 'pending') {
    const pending = await payload.count({
      collection: 'comments',
      where: { status: { equals: 'pending' } },
      req,
    })
    if (pending.totalDocs >= settings.pendingCeiling) screened.signals.push(SIGNALS.queueFull)
  }
  // The form tells a proven returning commenter their comment is up; everyone else hears only
  // that it was received.
  if (req.context.commentForm) req.context.commentForm.published = screened.status === 'approved'

  return {
    post: data.post,
    parent: input.parentId ? data.parent : null,
    authorName: input.name,
    authorEmail: email,
    authorWebsite: input.website ?? null,
    body: input.body,
    status: screened.status,
    signals: screened.signals,
    threadDepth: reply.depth,
    isStaffReply: false,
    ipHash,
    commenterKey: key,
    bodyFingerprint,
    userAgent: form.userAgent ?? userAgentOf(headers),
    submittedAt: new Date().toISOString(),
  }
}

/**
 * Every new comment passes here. Moderators' and admins' replies are validated and placed as
 * staff replies; imports of already-moderated comments pass as they are; anything else is a
 * comment from the public and is screened.
 */
export const screenNewComment: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  if (mayModerate(req.user)) return staffReply(data, req)
  if (req.context.trustedImport) return data
  return screenPublicComment(data, req)
}
