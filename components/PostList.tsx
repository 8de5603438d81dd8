import { getCommentCounts } from '@/lib/data/comments'
import type { PostSummary } from '@/lib/data/views'

import { Pagination } from './Pagination'
import { PostCard } from './PostCard'

type Props = {
  posts: PostSummary[]
  page: number
  totalPages: number
  basePath: string
  empty: string
}

/** A page of post cards with links to newer and older pages: the index and every archive. */
export const PostList = async ({ posts, page, totalPages, basePath, empty }: Props) => {
  const counts = await getCommentCounts(posts.map((post) => post.id))
  return (
    <>
      {posts.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <div className="post-list">
          {posts.map((post, i) => (
            <PostCard
              key={post.slug}
              post={post}
              comments={counts[post.id] ?? 0}
              priority={page === 1 && i === 0}
            />
          ))}
        </div>
      )}
      <Pagination page={page} totalPages={totalPages} basePath={basePath} />
    </>
  )
}
