import { CacheTags } from '@/lib/cacheTags'
import { relationId } from '@/lib/comments/ids'
import { expireTagsFor } from '@/hooks/expireOnChange'

type CommentLike = { post?: unknown; status?: string | null }

/** Readers see approved comments only: a change matters when it was or is approved. */
export const tagsForCommentChange = (doc: CommentLike, previous?: CommentLike | null): string[] => {
  if (doc.status !== 'approved' && previous?.status !== 'approved') return []
  const posts = new Set(
    [relationId(doc.post), relationId(previous?.post)].filter((p): p is string => !!p),
  )
  return [...[...posts].map(CacheTags.comments), CacheTags.allComments]
}

export const { afterChange: revalidateComment, afterDelete: revalidateDeletedComment } =
  expireTagsFor<CommentLike>(tagsForCommentChange)
