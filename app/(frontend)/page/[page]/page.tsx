import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { PostList } from '@/components/PostList'
import { getPostsPage } from '@/lib/data/posts'
import { parsePageNumber } from '@/lib/pageNumber'
import { FEED_LINKS } from '@/lib/feeds/links'

type Props = { params: Promise<{ page: string }> }

// Rendered on first request and cached until a post changes (see Posts hooks).
export const generateStaticParams = async () => []

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const page = parsePageNumber((await params).page)
  return page && page > 1
    ? { title: `Posts, page ${page}` }
    : { alternates: { canonical: '/', types: FEED_LINKS } }
}

const IndexPage = async ({ params }: Props) => {
  const page = parsePageNumber((await params).page)
  if (!page) notFound()
  const { posts, totalPages } = await getPostsPage(page)
  if (page > 1 && page > totalPages) notFound()
  return (
    <div className="index">
      <h1 className="visually-hidden">{page === 1 ? 'Latest posts' : `Posts, page ${page}`}</h1>
      <PostList
        posts={posts}
        page={page}
        totalPages={totalPages}
        basePath=""
        empty="No posts yet. Staff can write the first one in the dashboard."
      />
    </div>
  )
}

export default IndexPage
