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
export const PostList = ({ posts, page, totalPages, basePath, empty }: Props) => (
  <>
    {posts.length === 0 ? (
      <p className="empty">{empty}</p>
    ) : (
      <div className="post-list">
        {posts.map((post, i) => (
          <PostCard key={post.slug} post={post} priority={page === 1 && i === 0} />
        ))}
      </div>
    )}
    <Pagination page={page} totalPages={totalPages} basePath={basePath} />
  </>
)
