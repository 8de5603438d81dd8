import type { Access, FieldAccess } from 'payload'

import { checkRole } from './checkRole'
import { STAFF } from './roles'

/** Whether a user holds any staff role: the one test of it, for rules, routes and the dashboard. */
export const isStaffMember = (user: Parameters<typeof checkRole>[1]): boolean =>
  checkRole(STAFF, user)

/** Any staff role: admins, editors and moderators may read everything that is not private. */
export const isStaff: Access = ({ req: { user } }) => isStaffMember(user)

/** Field-level twin of isStaff, for fields the public must never see. */
export const isStaffField: FieldAccess = ({ req: { user } }) => isStaffMember(user)
