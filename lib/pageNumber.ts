/** A page number from a URL segment: a positive integer written plainly, or null. */
export const parsePageNumber = (segment: string): number | null => {
  if (!/^[1-9]\d{0,5}$/.test(segment)) return null
  return Number(segment)
}

/**
 * The page of an archive from its optional trailing segments: none is page 1, ["page", "n"] is
 * page n (n > 1; page 1 has only the bare address). Anything else is null, a missing page.
 */
export const parseArchivePage = (segments: string[] | undefined): number | null => {
  if (!segments || segments.length === 0) return 1
  if (segments.length !== 2 || segments[0] !== 'page') return null
  const page = parsePageNumber(segments[1] ?? '')
  return page && page > 1 ? page : null
}
