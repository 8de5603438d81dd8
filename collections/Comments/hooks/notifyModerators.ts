import type { CollectionAfterChangeHook } from 'payload'

/**
 * A comment held for moderation is emailed to moderators and admins. Sending happens after the
 * response so the commenter never waits on SMTP; a failure is logged, not hidden.
 */
export const notifyModerators: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || doc.status !== 'pending') return doc
  // Comments brought over by an import were already moderated elsewhere: no email per comment.
  if ((req.context as { trustedImport?: boolean }).trustedImport) return doc
  const { payload } = req
  const send = async () => {
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
    const signals = (doc.signals as string[] | undefined)?.join(', ') || 'none'
    await payload.sendEmail({
      to,
      subject: `New comment awaiting moderation from ${doc.authorName}`,
      text: [
        `${doc.authorName} wrote:`,
        '',
        String(doc.body).slice(0, 1000),
        '',
        `Why it is held: ${signals}`,
        `Review it: ${admin}`,
      ].join('\n'),
    })
  }
  send().catch((err) => payload.logger.error({ msg: 'Could not email moderators', err }))
  return doc
}
