import type { Access } from 'payload'

import { checkRole } from './checkRole'

/** Admins and editors write the blog's content (posts, authors, media, taxonomy, settings). */
export const canEditContent: Access = ({ req: { user } }) => checkRole(['admin', 'editor'], user)
