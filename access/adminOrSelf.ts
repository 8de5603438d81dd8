import type { Access } from 'payload'

import { checkRole } from './checkRole'

/** Admins reach every account; other staff only their own; the public none. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  return { id: { equals: user.id } }
}
