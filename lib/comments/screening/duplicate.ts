import type { PayloadRequest } from 'payload'

import { DUPLICATE_WINDOW_MS } from '@/lib/comments/settings'

/**
 * The same text (as it reads) from the same email or address within the last minutes: a double
 * post, stored in the trash rather than refused, so the answer does not tell it apart.
 */
export const isDuplicate = async (
  req: PayloadRequest,
  { bodyFingerprint, email, ipHash }: { bodyFingerprint: string; email: string; ipHash: string },
  now = Date.now(),
): Promise<boolean> => {
  const { totalDocs } = await req.payload.count({
    collection: 'comments',
    where: {
      and: [
        { bodyFingerprint: { equals: bodyFingerprint } },
        { createdAt: { greater_than: new Date(now - DUPLICATE_WINDOW_MS).toISOString() } },
        { or: [{ authorEmail: { equals: email } }, { ipHash: { equals: ipHash } }] },
      ],
    },
    req,
  })
  return totalDocs > 0
}
