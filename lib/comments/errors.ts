/**
 * Reads a refusal thrown by the comment rules without `instanceof`: in the production bundle
 * Payload's error classes can exist twice, so a ValidationError from our hook may not be an
 * instance of the class Payload's REST handler checks, and its details would be dropped.
 */
export type PublicRefusal = {
  status: number
  message: string
  fieldErrors: { path: string; message: string }[]
}

export const publicRefusalOf = (error: unknown): PublicRefusal | null => {
  if (typeof error !== 'object' || error === null) return null
  const e = error as {
    status?: unknown
    message?: unknown
    isPublic?: unknown
    data?: { errors?: unknown }
  }
  const status = typeof e.status === 'number' ? e.status : 500
  if (status >= 500 || typeof e.message !== 'string') return null
  const fieldErrors = Array.isArray(e.data?.errors)
    ? (e.data.errors as { path?: unknown; message?: unknown }[]).flatMap((f) =>
        typeof f.path === 'string' && typeof f.message === 'string'
          ? [{ path: f.path, message: f.message }]
          : [],
      )
    : []
  if (fieldErrors.length === 0 && e.isPublic !== true) return null
  return { status, message: e.message, fieldErrors }
}
