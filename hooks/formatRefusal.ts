import type { AfterErrorHook } from 'payload'

import { publicRefusalOf } from '@/lib/comments/errors'

/**
 * REST answers a refusal (a screened comment, a block still in use, a sign-in slowed down, a
 * field that failed its check) with the shape Payload uses for its own errors and our words,
 * so API clients and the dashboard show why, even where the production bundle holds Payload's
 * error classes twice and would otherwise answer "An unknown error occurred". Set once, for
 * every collection.
 */
export const formatRefusal: AfterErrorHook = ({ error, collection }) => {
  const refusal = publicRefusalOf(error)
  if (!refusal) return
  const data = refusal.fieldErrors.length
    ? { collection: collection?.slug, errors: refusal.fieldErrors }
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
