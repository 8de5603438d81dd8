import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { MediaImage } from '@/components/MediaImage'
import { PostList } from '@/components/PostList'
import { getAuthorBySlug } from '@/lib/data/authors'
import { authorLabel } from '@/lib/format'
import { parseArchivePage } from '@/lib/pageNumber'
import { FEED_LINKS } from '@/lib/feeds/links'

type Props = { params: Promise<{ slug: string; page?: string[] }> }

// Rendered on first request and cached until the author or a post changes.
export const generateStaticParams = async () => []

const load = async ({ params }: Props) => {
  const { slug, page: segments } = await params
  const page = parseArchivePage(segments)
  return page ? getAuthorBySlug(slug, page) : null
}

export const generateMetadata = async (props: Props): Promise<Metadata> => {
  const author = await load(props)
  if (!author) return {}
  const base = `/authors/${author.slug}`
  return {
    title: author.page > 1 ? `${authorLabel(author)}, page ${author.page}` : authorLabel(author),
    description: author.bio ?? undefined,
    alternates: {
      canonical: author.page > 1 ? `${base}/page/${author.page}` : base,
      types: FEED_LINKS,
    },
  }
}

/** An author's profile (photo, credentials, bio) and their posts, a page at a time. */
const AuthorPage = async (props: Props) => {
  const author = await load(props)
  if (!author || (author.page > 1 && author.page > author.totalPages)) notFound()
  const base = `/authors/${author.slug}`
  return (
    <div className="author">
      <Breadcrumbs
        trail={[
          { name: 'Home', path: '/' },
          { name: author.name, path: base },
        ]}
      />
      <header className="author__header">
        {author.photo && (
          <MediaImage image={author.photo} sizes="120px" className="author__photo" />
        )}
        <div>
          <h1>{authorLabel(author)}</h1>
          {author.bio && <p className="author__bio">{author.bio}</p>}
        </div>
      </header>
      <h2>Posts by {author.name}</h2>
      <PostList
        posts={author.posts}
        page={author.page}
        totalPages={author.totalPages}
        basePath={base}
        empty="No published posts yet."
      />
    </div>
  )
}

export default AuthorPage
