import type { CollectionAfterChangeHook } from 'payload'

import { sendDueDigests } from '@/lib/comments/digest'
import { SIGNALS } from '@/lib/comments/signals'
import type { Comment } from '@/payload-types'

/**
 * A held comment may start a moderation digest: a moderator who has had none for the digest
 * interval is emailed at once; otherwise it waits for the next digest, which the
 * sendModerationDigests task sends when the interval is up. So a spam wave costs each moderator
 * one email per interval (and never more than the hour's budget), and comments held quietly
 * past the queue's ceiling start none. Sending happens after the response so the commenter
 * never waits on SMTP; a failure is logged, not hidden.
 */
export const notifyModerators: CollectionAfterChangeHook<Comment> = async ({
  data,
  doc,
  operation,
  req,
}) => {
  // What the screening decided is in the data written: a reader's own copy of the document
  // has no status or signals (only moderators may read them).
  const signals = data.signals ?? []
  if (operation !== 'create' || data.status !== 'pending') return doc
  // Comments brought over by an import were already moderated elsewhere: no email per comment.
  if (req.context.trustedImport) return doc
  if (signals.includes(SIGNALS.queueFull)) return doc
  const { payload } = req
  const post = typeof doc.post === 'object' && doc.post ? doc.post.title : undefined
  const fresh = {
    id: String(doc.id),
    authorName: String(doc.authorName ?? 'Anonymous'),
    postTitle: String(post ?? '(a post)'),
    body: String(doc.body ?? ''),
    signals,
  }
  sendDueDigests(payload, { fresh }).catch((err) =>
    payload.logger.error({ msg: 'Could not email moderators', err }),
  )
  return doc
}
