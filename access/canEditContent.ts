import type { Access } from 'payload'

import { checkRole } from './checkRole'
import { EDITORS } from './roles'

/** Whether a user writes the blog's content: the one test of it, for access rules and views. */
export const mayEditContent = (user: Parameters<typeof checkRole>[1]): boolean =>
  checkRole(EDITORS, user)

/** Admins and editors write the blog's content (posts, authors, media, taxonomy, settings). */
export const canEditContent: Access = ({ req: { user } }) => mayEditContent(user)
