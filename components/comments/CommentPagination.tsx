import { type CommentPage, commentPageHref, type ThreadOrder } from '@/lib/comments/pages'

import { Pagination } from '../Pagination'

type Props = {
  slug: string
  page: CommentPage
  order: ThreadOrder
  /** Each landmark needs its own name: the links above the threads and those below. */
  label: string
}

/** Links between the pages of a post's comments, named for which way time runs. */
export const CommentPagination = ({ slug, page, order, label }: Props) => {
  const [before, after] =
    order === 'oldest' ? ['Older comments', 'Newer comments'] : ['Newer comments', 'Older comments']
  return (
    <Pagination
      page={page.page}
      totalPages={page.totalPages}
      hrefFor={(n) => `${commentPageHref(slug, n)}#comments`}
      label={label}
      previous={`← ${before}`}
      next={`${after} →`}
      status={`Comments page ${page.page} of ${page.totalPages}`}
      className="pagination pagination--comments"
    />
  )
}
