export type Segment = { text: string; match: boolean }

/** The words of a query, lower-cased, each once, longest first (so "massage" wins over "mass"). */
export const queryTerms = (query: string): string[] =>
  [
    ...new Set(
      query
        .toLowerCase()
        .split(/\s+/)
        .filter((t) => t.length > 0),
    ),
  ].sort((a, b) => b.length - a.length)

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Splits text into plain and matching parts, case-insensitively, for <mark> around matches. */
export const highlight = (text: string, terms: string[]): Segment[] => {
  if (terms.length === 0 || !text) return text ? [{ text, match: false }] : []
  const pattern = new RegExp(`(${terms.map(escapeRegExp).join('|')})`, 'gi')
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: terms.includes(part.toLowerCase()) }))
}

/**
 * A passage of about `length` characters where the most different terms appear together
 * (the earliest such place on a tie), cut at word boundaries, with an ellipsis where it was cut.
 * Without a match, the opening words.
 */
export const snippet = (text: string, terms: string[], length = 200): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat
  const lower = flat.toLowerCase()
  const lead = Math.floor(length / 3)
  let best = { start: 0, score: -1 }
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
      const start = Math.max(0, Math.min(at - lead, flat.length - length))
      const window = lower.slice(start, start + length)
      const score = terms.filter((t) => window.includes(t)).length
      if (score > best.score || (score === best.score && start < best.start))
        best = { start, score }
    }
  }
  let start = best.start
  let end = Math.min(flat.length, start + length)
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end)
    if (space > start) end = space
  }
  return `${start > 0 ? '… ' : ''}${flat.slice(start, end)}${end < flat.length ? ' …' : ''}`
}
