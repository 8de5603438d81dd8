import type { Access, FieldAccess } from 'payload'

import { checkRole } from './checkRole'
import { MODERATORS } from './roles'

/**
 * Moderators and admins: the people who see commenters' private details and decide on comments.
 * The one test of it, for access rules, views, endpoints and hooks alike.
 */
export const mayModerate = (user: Parameters<typeof checkRole>[1]): boolean =>
  checkRole(MODERATORS, user)

export const canModerate: Access = ({ req: { user } }) => mayModerate(user)

/** Field-level twin of canModerate: a commenter's email, IP hash, user agent and signals. */
export const canModerateField: FieldAccess = ({ req: { user } }) => mayModerate(user)
