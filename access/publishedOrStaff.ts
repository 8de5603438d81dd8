import type { Access } from 'payload'

import { ROLES } from './roles'
import { checkRole } from './checkRole'

/** Staff read every version; everyone else only documents whose published version is live. */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (checkRole(ROLES, user)) return true
  return { _status: { equals: 'published' } }
}
