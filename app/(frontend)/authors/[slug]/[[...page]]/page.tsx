import type { Metadata } from 'next'

import {
  type ArchiveProps,
  archiveOrNotFound,
  loadArchive,
  pagedTitleAndCanonical,
} from '@/app/(frontend)/_archive/archivePage'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { MediaImage } from '@/components/MediaImage'
import { PostList } from '@/components/PostList'
import { getAuthorBySlug } from '@/lib/data/authors'
import { authorLabel } from '@/lib/format'
import { FEED_LINKS } from '@/lib/feeds/links'

// Rendered on first request and cached until the author or a post changes.
export const generateStaticParams = async () => []

const load = (props: ArchiveProps) => loadArchive(props, getAuthorBySlug)

export const generateMetadata = async (props: ArchiveProps): Promise<Metadata> => {
  const author = await load(props)
  if (!author) return {}
  const base = `/authors/${author.slug}`
  const { title, canonical } = pagedTitleAndCanonical(base, authorLabel(author), author.page)
  return {
    title,
    description: author.bio ?? undefined,
    alternates: {
      canonical,
      types: FEED_LINKS,
    },
  }
}

/** An author's profile (photo, credentials, bio) and their posts, a page at a time. */
const AuthorPage = async (props: ArchiveProps) => {
  const author = archiveOrNotFound(await load(props))
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
