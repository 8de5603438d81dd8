import type { FieldAccess } from 'payload'

/** Fields only the server writes (in hooks): nobody sets them through any API. */
export const serverOwnedField: FieldAccess = () => false
