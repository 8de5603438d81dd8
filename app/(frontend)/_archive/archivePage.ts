import { notFound } from 'next/navigation'

import { parseArchivePage } from '@/lib/pageNumber'

/** What every archive route is given: its slug, and `page/<n>` after it for later pages. */
export type ArchiveProps = { params: Promise<{ slug: string; page?: string[] }> }

/**
 * The archive a route's address asks for: null when the page segments are malformed (so the
 * address is not found) or when the read finds nothing at the slug.
 */
export const loadArchive = async <T>(
  { params }: ArchiveProps,
  read: (slug: string, page: number) => Promise<T | null>,
): Promise<T | null> => {
  const { slug, page: segments } = await params
  const page = parseArchivePage(segments)
  return page ? read(slug, page) : null
}

/**
 * The archive to render, or the "not found" page: nothing at the slug, or a page past the last
 * (page 1 of an empty archive still shows, saying it is empty).
 */
export const archiveOrNotFound = <T extends { page: number; totalPages: number }>(
  archive: T | null,
): T => {
  if (!archive || (archive.page > 1 && archive.page > archive.totalPages)) notFound()
  return archive
}

/** An archive page's title and canonical address; page 1 has the bare address only. */
export const pagedTitleAndCanonical = (base: string, title: string, page: number) => ({
  title: page > 1 ? `${title}, page ${page}` : title,
  canonical: page > 1 ? `${base}/page/${page}` : base,
})
