import type { Access, FieldAccess } from 'payload'

import { ROLES } from './roles'
import { checkRole } from './checkRole'

/** Any staff role: admins, editors and moderators may read everything that is not private. */
export const isStaff: Access = ({ req: { user } }) => checkRole(ROLES, user)

/** Field-level twin of isStaff, for fields the public must never see. */
export const isStaffField: FieldAccess = ({ req: { user } }) => checkRole(ROLES, user)
