import { CacheTags } from '@/lib/cacheTags'
import { expireTagsFor } from '@/hooks/expireOnChange'

type PostLike = { slug?: string | null; _status?: 'draft' | 'published' | null }

/**
 * Which tags a change to a post touches. Readers see only published posts, so a draft that was
 * never public touches nothing; publishing, editing a live post, renaming its slug or
 * unpublishing it touches the post's page and every list of posts (the index and the Recent
 * Posts on every other post).
 */
export const tagsForPostChange = (doc: PostLike, previous?: PostLike | null): string[] => {
  const wasLive = previous?._status === 'published'
  const isLive = doc._status === 'published'
  if (!wasLive && !isLive) return []
  const slugs = new Set([doc.slug, previous?.slug].filter((s): s is string => Boolean(s)))
  return [CacheTags.postLists, ...[...slugs].map(CacheTags.post)]
}

export const { afterChange: revalidatePost, afterDelete: revalidateDeletedPost } =
  expireTagsFor<PostLike>(tagsForPostChange)
