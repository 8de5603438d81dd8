import type { CollectionBeforeChangeHook } from 'payload'

import { mayModerate } from '@/access/canModerate'
import { checkToken, spendToken } from '@/lib/comments/screening/formTokenUse'
import { checkHoneypot } from '@/lib/comments/screening/honeypot'
import { requireCalmPace } from '@/lib/comments/screening/pace'
import { parseSubmission } from '@/lib/comments/screening/parseSubmission'
import { requireOpenPost, requireReplyPlace } from '@/lib/comments/screening/place'
import { decideStatus } from '@/lib/comments/screening/status'
import { submitterOf } from '@/lib/comments/screening/submitter'
import { moderationSettings } from '@/lib/comments/settings'
import { fingerprint } from '@/lib/comments/text'
import type { Comment } from '@/payload-types'

/**
 * A new comment from the public, whatever the path (the form's server action, REST or GraphQL),
 * passes the same checks in order (lib/comments/screening): the schema, the honeypot, the time
 * token, the post's state, the parent, the flood rules, one use of the token; then the
 * moderation rules decide the status. A refusal throws before anything is written and is about
 * the submitter's own input or pace only; every other outcome (held, spam, a duplicate dropped
 * into the trash) is stored and answered alike. Server-owned fields are set here only.
 * Staff replies (staffReply) and trusted imports are not screened here.
 */
export const screenNewComment: CollectionBeforeChangeHook<Comment> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create' || mayModerate(req.user) || req.context.trustedImport) return data
  const { payload } = req
  const input = parseSubmission(data)
  checkHoneypot(input)
  const nonce = checkToken(payload.secret, input)

  const settings = await moderationSettings(payload)
  const post = await requireOpenPost(payload, input.post, settings)
  const place = await requireReplyPlace(
    req,
    { post, parent: input.parent },
    settings.maxThreadDepth,
  )

  const who = submitterOf(req, input.authorEmail)
  const holds = await requireCalmPace(payload, { ...who, postId: String(post) })
  await spendToken(payload, nonce, who)

  const bodyFingerprint = fingerprint(input.body)
  const { status, signals } = await decideStatus(req, {
    input,
    who,
    bodyFingerprint,
    holds,
    settings,
  })
  // The form tells a proven returning commenter their comment is up; everyone else hears only
  // that it was received.
  if (req.context.commentForm) req.context.commentForm.published = status === 'approved'

  return {
    post,
    parent: place.parent,
    authorName: input.authorName,
    authorEmail: who.email,
    authorWebsite: input.authorWebsite ?? null,
    body: input.body,
    status,
    signals,
    threadDepth: place.threadDepth,
    isStaffReply: false,
    ipHash: who.ipHash,
    commenterKey: who.key,
    bodyFingerprint,
    userAgent: who.userAgent,
    submittedAt: new Date().toISOString(),
  }
}
