import type { CollectionAfterErrorHook } from 'payload'

import { publicRefusalOf } from '@/lib/comments/errors'

/**
 * REST answers a refused comment with the same shape Payload uses for validation errors, with
 * every field's message, so API clients get the same clear words as the form.
 */
export const formatRefusal: CollectionAfterErrorHook = ({ error }) => {
  const refusal = publicRefusalOf(error)
  if (!refusal) return
  const data = refusal.fieldErrors.length
    ? { collection: 'comments', errors: refusal.fieldErrors }
    : undefined
  return {
    status: refusal.status,
    response: {
      errors: [
        {
          name: data ? 'ValidationError' : 'APIError',
          message: refusal.message,
          ...(data && { data }),
        },
      ],
    },
  }
}
