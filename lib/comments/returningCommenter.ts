import type { PayloadRequest, Where } from 'payload'

import type { Returning } from './signals'

/**
 * What the comments already stored say about a commenter: proven when a comment with the same
 * email and the same browser key (see commenterCookie) was approved; "email-only" when the
 * email has approved comments but this submission cannot show it is the same person (a
 * moderator sees the difference; the commenter never does).
 */
export const returningStatus = async (
  req: PayloadRequest,
  { email, key }: { email: string; key: string | null },
): Promise<Returning> => {
  const approvedByEmail: Where[] = [
    { status: { equals: 'approved' } },
    { authorEmail: { equals: email } },
    { isStaffReply: { not_equals: true } },
  ]
  if (key) {
    const proven = await req.payload.count({
      collection: 'comments',
      where: { and: [...approvedByEmail, { commenterKey: { equals: key } }] },
      req,
    })
    if (proven.totalDocs > 0) return 'proven'
  }
  const byEmail = await req.payload.count({
    collection: 'comments',
    where: { and: approvedByEmail },
    req,
  })
  return byEmail.totalDocs > 0 ? 'email-only' : 'new'
}
