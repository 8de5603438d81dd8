import Link from 'next/link'

import type { RecentPost } from '@/lib/data/views'

import { PostDate } from './PostDate'

/** The "Recent Posts" sidebar. Renders nothing when there is nothing else to read. */
export const RecentPosts = ({ posts }: { posts: RecentPost[] }) => {
  if (posts.length === 0) return null
  return (
    <nav className="recent-posts" aria-labelledby="recent-posts-heading">
      <h2 id="recent-posts-heading">Recent Posts</h2>
      <ul>
        {posts.map((post) => (
          <li key={post.slug}>
            <Link href={`/posts/${post.slug}`}>{post.title}</Link>
            {post.publishedAt && <PostDate iso={post.publishedAt} className="recent-posts__date" />}
          </li>
        ))}
      </ul>
    </nav>
  )
}
