type PostForComments = { commentsOpen?: boolean | null; publishedAt?: string | null }

/** Why a post takes no comments, or null when it does. */
export const commentsClosedReason = (
  post: PostForComments | undefined,
  closeAfterDays: number,
  now = Date.now(),
): string | null => {
  if (!post) return 'This post cannot be commented on.'
  if (post.commentsOpen === false) return 'Comments are closed on this post.'
  if (closeAfterDays > 0 && post.publishedAt) {
    const ageDays = (now - new Date(post.publishedAt).getTime()) / 86_400_000
    if (ageDays > closeAfterDays) return 'Comments are closed on this post.'
  }
  return null
}
