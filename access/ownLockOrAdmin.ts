import type { Access } from 'payload'

import { checkRole } from './checkRole'

/** Admins may clear any editing lock; other staff only their own. */
export const ownLockOrAdmin: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  return { 'user.value': { equals: user.id } }
}
