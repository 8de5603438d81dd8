import type { Access, FieldAccess } from 'payload'

import { checkRole } from './checkRole'

/** Moderators and admins: the people who see commenters' private details and decide on comments. */
export const canModerate: Access = ({ req: { user } }) => checkRole(['admin', 'moderator'], user)

/** Field-level twin of canModerate: a commenter's email, IP hash, user agent and signals. */
export const canModerateField: FieldAccess = ({ req: { user } }) =>
  checkRole(['admin', 'moderator'], user)
