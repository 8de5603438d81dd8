import type { Access, FieldAccess } from 'payload'

import { checkRole } from './checkRole'
import { ADMINS } from './roles'

/** Whether a user is an admin: the one test of it, for access rules, jobs and views alike. */
export const mayAdminister = (user: Parameters<typeof checkRole>[1]): boolean =>
  checkRole(ADMINS, user)

/** Only admins: user management and anything not delegated to another role. */
export const isAdmin: Access = ({ req: { user } }) => mayAdminister(user)

/** Field-level twin of isAdmin, for fields such as `roles` that only admins may set. */
export const isAdminField: FieldAccess = ({ req: { user } }) => mayAdminister(user)
