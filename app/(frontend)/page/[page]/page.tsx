import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Pagination } from '@/components/Pagination'
import { PostCard } from '@/components/PostCard'
import { getPostsPage } from '@/lib/data/posts'
import { parsePageNumber } from '@/lib/pageNumber'

type Props = { params: Promise<{ page: string }> }

// Rendered on first request and cached until a post changes (see Posts hooks).
export const generateStaticParams = async () => []

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const page = parsePageNumber((await params).page)
  return page && page > 1 ? { title: `Posts, page ${page}` } : { alternates: { canonical: '/' } }
}

const IndexPage = async ({ params }: Props) => {
  const page = parsePageNumber((await params).page)
  if (!page) notFound()
  const { posts, totalPages } = await getPostsPage(page)
  if (page > 1 && page > totalPages) notFound()
  return (
    <div className="index">
      <h1 className="visually-hidden">{page === 1 ? 'Latest posts' : `Posts, page ${page}`}</h1>
      {posts.length === 0 ? (
        <p className="empty">No posts yet. Staff can write the first one in the dashboard.</p>
      ) : (
        <div className="post-list">
          {posts.map((post, i) => (
            <PostCard key={post.slug} post={post} priority={i === 0} />
          ))}
        </div>
      )}
      <Pagination page={page} totalPages={totalPages} />
    </div>
  )
}

export default IndexPage
