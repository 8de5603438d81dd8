import type { Access } from 'payload'

import { checkRole } from './checkRole'

/** Moderators and admins read every comment; everyone else only approved ones. */
export const approvedOrModerator: Access = ({ req: { user } }) => {
  if (checkRole(['admin', 'moderator'], user)) return true
  return { status: { equals: 'approved' } }
}
