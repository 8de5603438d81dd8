import { storedId } from '@/lib/comments/ids'
import { type CommentSubmission, commentSchema, issuesOf } from '@/lib/schemas/comment'
import type { Comment } from '@/payload-types'

import { invalid } from './refusals'

/**
 * A comment from the public, read with the one schema whatever the path: the form's action has
 * parsed it already, REST and GraphQL callers have not. Field errors carry the collection's paths.
 */
export const parseSubmission = (data: Partial<Comment>): CommentSubmission => {
  const parsed = commentSchema.safeParse({
    ...data,
    // A relationship may arrive as the related document; an empty website as null.
    post: storedId(data.post) ?? undefined,
    parent: storedId(data.parent) ?? undefined,
    authorWebsite: data.authorWebsite ?? undefined,
  })
  if (!parsed.success) throw invalid(issuesOf(parsed.error))
  return parsed.data
}
