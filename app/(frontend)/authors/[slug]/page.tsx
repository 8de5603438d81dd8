import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { MediaImage } from '@/components/MediaImage'
import { PostCard } from '@/components/PostCard'
import { getAuthorBySlug } from '@/lib/data/authors'
import { authorLabel } from '@/lib/format'

type Props = { params: Promise<{ slug: string }> }

export const generateStaticParams = async () => []

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const author = await getAuthorBySlug((await params).slug)
  return author ? { title: authorLabel(author), description: author.bio ?? undefined } : {}
}

const AuthorPage = async ({ params }: Props) => {
  const author = await getAuthorBySlug((await params).slug)
  if (!author) notFound()
  return (
    <div className="author">
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
      {author.posts.length === 0 ? (
        <p className="empty">No published posts yet.</p>
      ) : (
        <div className="post-list">
          {author.posts.map((post) => (
            <PostCard key={post.slug} post={post} />
          ))}
        </div>
      )}
    </div>
  )
}

export default AuthorPage
