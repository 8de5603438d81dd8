import Link from 'next/link'

import { type CommentPage, commentPageHref, type ThreadOrder } from '@/lib/comments/pages'

type Props = {
  slug: string
  page: CommentPage
  order: ThreadOrder
  /** Each landmark needs its own name: the links above the threads and those below. */
  label: string
}

/** Links between the pages of a post's comments, named for which way time runs. */
export const CommentPagination = ({ slug, page, order, label }: Props) => {
  if (page.totalPages <= 1) return null
  const [before, after] =
    order === 'oldest' ? ['Older comments', 'Newer comments'] : ['Newer comments', 'Older comments']
  const href = (n: number) => `${commentPageHref(slug, n)}#comments`
  return (
    <nav className="pagination pagination--comments" aria-label={label}>
      {page.page > 1 ? (
        <Link href={href(page.page - 1)} rel="prev">
          {`← ${before}`}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__status">{`Comments page ${page.page} of ${page.totalPages}`}</span>
      {page.page < page.totalPages ? (
        <Link href={href(page.page + 1)} rel="next">
          {`${after} →`}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
