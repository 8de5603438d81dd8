import type { Access } from 'payload'

import { mayAdminister } from './isAdmin'

/** Admins reach every account; other staff only their own; the public none. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (mayAdminister(user)) return true
  return { id: { equals: user.id } }
}
