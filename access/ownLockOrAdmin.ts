import type { Access } from 'payload'

import { mayAdminister } from './isAdmin'

/** Admins may clear any editing lock; other staff only their own. */
export const ownLockOrAdmin: Access = ({ req: { user } }) => {
  if (!user) return false
  if (mayAdminister(user)) return true
  return { 'user.value': { equals: user.id } }
}
