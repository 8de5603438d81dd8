import type { CollectionAfterChangeHook } from 'payload'

import { moderationSettings } from '@/lib/comments/settings'
import { SIGNALS } from '@/lib/comments/signals'
import { countEvent } from '@/lib/limits'

/**
 * Links in a stranger's words, made unclickable: the email quotes the comment to people who
 * trust mail from their own site, which is what a phishing link would count on.
 */
export const defang = (text: string): string =>
  text.replace(/\b(https?):\/\//gi, '$1[:]//').replace(/\bwww\./gi, 'www[.]')

/** One budget of moderator emails an hour for the whole site, whatever sends them. */
const EMAIL_BUDGET = { name: 'moderator-email', seconds: 3600 }

/**
 * A comment held for moderation is emailed to moderators and admins, a few an hour at most
 * (Moderation settings), so a spam wave cannot fill their inboxes: past the budget, or once the
 * queue is over its ceiling, comments wait quietly and the dashboard shows them. Sending happens
 * after the response so the commenter never waits on SMTP; a failure is logged, not hidden.
 */
export const notifyModerators: CollectionAfterChangeHook = async ({
  data,
  doc,
  operation,
  req,
}) => {
  // What the screening decided is in the data written: a reader's own copy of the document
  // has no status or signals (only moderators may read them).
  const signals = (data.signals as string[] | undefined) ?? []
  if (operation !== 'create' || data.status !== 'pending') return doc
  // Comments brought over by an import were already moderated elsewhere: no email per comment.
  if (req.context.trustedImport) return doc
  if (signals.includes(SIGNALS.queueFull)) return doc
  const { payload } = req
  const send = async () => {
    const { moderatorEmailsPerHour } = await moderationSettings(payload)
    if ((await countEvent(payload, EMAIL_BUDGET, 'all')) > moderatorEmailsPerHour) {
      payload.logger.info(`Comment ${doc.id} awaits moderation; no email: this hour's are sent.`)
      return
    }
    const { docs } = await payload.find({
      collection: 'users',
      where: { roles: { in: ['moderator', 'admin'] } },
      depth: 0,
      limit: 50,
      pagination: false,
      select: { email: true },
    })
    const to = docs.map((u) => u.email).filter(Boolean)
    if (to.length === 0) return
    const admin = `${process.env.SERVER_URL ?? ''}/admin/collections/comments/${doc.id}`
    const why = signals.join(', ') || 'none'
    await payload.sendEmail({
      to,
      subject: `New comment awaiting moderation from ${doc.authorName}`,
      text: [
        `${doc.authorName} wrote:`,
        '',
        defang(String(doc.body).slice(0, 1000)),
        '',
        `Why it is held: ${why}`,
        'Links in the comment are shown broken on purpose; read it in the dashboard.',
        `Review it: ${admin}`,
      ].join('\n'),
    })
  }
  send().catch((err) => payload.logger.error({ msg: 'Could not email moderators', err }))
  return doc
}
