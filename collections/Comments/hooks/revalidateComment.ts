import { CacheTags } from '@/lib/cacheTags'
import { expireTagsFor } from '@/hooks/expireOnChange'

type CommentLike = { post?: unknown; status?: string | null }

const postIdOf = (post: unknown): string | null => {
  if (post == null) return null
  if (typeof post === 'object' && 'id' in post) return String((post as { id: unknown }).id)
  return String(post)
}

/** Readers see approved comments only: a change matters when it was or is approved. */
export const tagsForCommentChange = (doc: CommentLike, previous?: CommentLike | null): string[] => {
  if (doc.status !== 'approved' && previous?.status !== 'approved') return []
  const posts = new Set(
    [postIdOf(doc.post), postIdOf(previous?.post)].filter((p): p is string => !!p),
  )
  return [...posts].map(CacheTags.comments)
}

export const { afterChange: revalidateComment, afterDelete: revalidateDeletedComment } =
  expireTagsFor<CommentLike>(tagsForCommentChange)
