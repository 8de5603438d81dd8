import type { Access, Where } from 'payload'

import { isStaffMember } from './isStaff'

/**
 * Staff read every version; everyone else only documents whose published version is live and
 * whose publication date has come (a post published with a future date waits for it).
 */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (isStaffMember(user)) return true
  const live: Where = {
    and: [
      { _status: { equals: 'published' } },
      { publishedAt: { less_than_equal: new Date().toISOString() } },
    ],
  }
  return live
}
