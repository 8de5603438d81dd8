import Link from 'next/link'

import { commentCountLabel } from '@/lib/comments/threads'
import type { PostSummary } from '@/lib/data/views'

import { Byline } from './Byline'
import { MediaImage } from './MediaImage'

type Props = { post: PostSummary; comments?: number; priority?: boolean }

/** A post on the index: image, title, byline, excerpt, and how many comments it has. */
export const PostCard = ({ post, comments = 0, priority = false }: Props) => (
  <article className={post.image ? 'post-card post-card--with-image' : 'post-card'}>
    {post.image && (
      <Link
        href={`/posts/${post.slug}`}
        tabIndex={-1}
        aria-hidden="true"
        className="post-card__image"
      >
        <MediaImage
          image={post.image}
          sizes="(min-width: 900px) 280px, 100vw"
          priority={priority}
        />
      </Link>
    )}
    <div className="post-card__body">
      <h2 className="post-card__title">
        <Link href={`/posts/${post.slug}`}>{post.title}</Link>
      </h2>
      <Byline authors={post.authors} publishedAt={post.publishedAt} />
      {post.excerpt && <p className="post-card__excerpt">{post.excerpt}</p>}
      {comments > 0 && (
        <p className="post-card__comments">
          <Link href={`/posts/${post.slug}#comments`}>{commentCountLabel(comments)}</Link>
        </p>
      )}
    </div>
  </article>
)
