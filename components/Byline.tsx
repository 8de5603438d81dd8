import Link from 'next/link'

import type { AuthorRef } from '@/lib/data/views'
import { authorLabel } from '@/lib/format'

import { PostDate } from './PostDate'

type Props = { authors: AuthorRef[]; publishedAt: string | null }

/** "By Maya Alvarez, LMT · December 1, 2023", each author linking to their profile. */
export const Byline = ({ authors, publishedAt }: Props) => (
  <p className="byline">
    {authors.length > 0 && (
      <span>
        By{' '}
        {authors.map((author, i) => (
          <span key={author.slug}>
            {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
            <Link href={`/authors/${author.slug}`} rel="author">
              {authorLabel(author)}
            </Link>
          </span>
        ))}
      </span>
    )}
    {authors.length > 0 && publishedAt && <span aria-hidden="true"> · </span>}
    {publishedAt && <PostDate iso={publishedAt} />}
  </p>
)
