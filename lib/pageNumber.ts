/** A page number from a URL segment: a positive integer written plainly, or null. */
export const parsePageNumber = (segment: string): number | null => {
  if (!/^[1-9]\d{0,5}$/.test(segment)) return null
  return Number(segment)
}
