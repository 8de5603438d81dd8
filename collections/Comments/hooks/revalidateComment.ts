import type { CollectionAfterChangeHook } from 'payload'

import { CacheTags } from '@/lib/cacheTags'
import { relationId } from '@/lib/comments/ids'
import { expireTagsFor } from '@/hooks/expireOnChange'
import type { Comment } from '@/payload-types'

type CommentLike = { post?: unknown; status?: string | null }

/** Readers see approved comments only: a change matters when it was or is approved. */
export const tagsForCommentChange = (doc: CommentLike, previous?: CommentLike | null): string[] => {
  if (doc.status !== 'approved' && previous?.status !== 'approved') return []
  const posts = new Set(
    [relationId(doc.post), relationId(previous?.post)].filter((p): p is string => !!p),
  )
  return [...[...posts].map(CacheTags.comments), CacheTags.allComments]
}

const hooks = expireTagsFor<CommentLike>(tagsForCommentChange)

/**
 * The document a reader's own submission gets back has no status (only moderators may read
 * it), so the status the screening decided is taken from the data written.
 */
export const revalidateComment: CollectionAfterChangeHook<Comment> = async (args) => {
  const status = args.data?.status ?? args.doc.status
  await hooks.afterChange({ ...args, doc: { ...args.doc, status } })
  // The document as the request may read it, never the copy with the status added back.
  return args.doc
}

export const revalidateDeletedComment = hooks.afterDelete
