import Link from 'next/link'

type Props = {
  page: number
  totalPages: number
  basePath?: string
  /** Where page n lives, when not at `<basePath>/page/<n>` (search results use ?page=n). */
  hrefFor?: (page: number) => string
  /** The landmark's name, the links' words and the status line, for lists other than posts. */
  label?: string
  previous?: string
  next?: string
  status?: string
  className?: string
}

/** Page 1 of a list lives at its own address; later pages at `<address>/page/<n>`. */
export const pageHref = (basePath: string, page: number): string =>
  page === 1 ? basePath || '/' : `${basePath}/page/${page}`

/** Newer/older links between pages of a list (the index or an archive), with where the reader is. */
export const Pagination = ({
  page,
  totalPages,
  basePath = '',
  hrefFor,
  label = 'Pagination',
  previous = '← Newer posts',
  next = 'Older posts →',
  status = `Page ${page} of ${totalPages}`,
  className = 'pagination',
}: Props) => {
  if (totalPages <= 1) return null
  const href = hrefFor ?? ((n: number) => pageHref(basePath, n))
  return (
    <nav className={className} aria-label={label}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          {previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__status">{status}</span>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next">
          {next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
