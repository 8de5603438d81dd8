import type { Access, FieldAccess } from 'payload'

import { checkRole } from './checkRole'

/** Only admins: user management and anything not delegated to another role. */
export const isAdmin: Access = ({ req: { user } }) => checkRole(['admin'], user)

/** Field-level twin of isAdmin, for fields such as `roles` that only admins may set. */
export const isAdminField: FieldAccess = ({ req: { user } }) => checkRole(['admin'], user)
