import type { CollectionBeforeChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

/**
 * When a comment last changed status: spam and trash are emptied so many days after they were
 * marked, not after they were written (a year-old comment marked spam today gets its full wait).
 * Runs after the screening hook, which sets the status of a new comment.
 */
export const stampStatusChange: CollectionBeforeChangeHook<Comment> = ({
  data,
  operation,
  originalDoc,
}) => {
  const changed = operation === 'create' || (data.status && data.status !== originalDoc?.status)
  if (changed) data.statusChangedAt = new Date().toISOString()
  return data
}
