/**
 * Staff roles, highest privilege first. Kept apart from the Users config so access rules can
 * import it cheaply.
 */
export const ROLES = ['admin', 'editor', 'moderator'] as const

export type Role = (typeof ROLES)[number]

// The sets of roles the rules grant to, named once so a rule says who it means rather than
// spelling the roles out again.

/** Every staff role: who may read drafts, private notes and the dashboard. */
export const STAFF: readonly Role[] = ROLES
/** Who decides on comments and sees commenters' private details. */
export const MODERATORS: readonly Role[] = ['admin', 'moderator']
/** Who writes the blog's content. */
export const EDITORS: readonly Role[] = ['admin', 'editor']
/** Who manages accounts, jobs and anything not delegated to another role. */
export const ADMINS: readonly Role[] = ['admin']
