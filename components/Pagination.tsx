import Link from 'next/link'

type Props = { page: number; totalPages: number }

const href = (page: number) => (page === 1 ? '/' : `/page/${page}`)

/** Newer/older links between index pages, with where the reader is. */
export const Pagination = ({ page, totalPages }: Props) => {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← Newer posts
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__status">{`Page ${page} of ${totalPages}`}</span>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next">
          Older posts →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
