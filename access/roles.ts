/** Staff roles, highest privilege first. Kept apart from the Users config so access rules can import it cheaply. */
export const ROLES = ['admin', 'editor', 'moderator'] as const

export type Role = (typeof ROLES)[number]
