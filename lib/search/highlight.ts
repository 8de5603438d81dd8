import { searchForm, wordTokens } from './words'

export type Segment = { text: string; match: boolean }

/** The words of a text with where each starts and ends, and whether it is one of `words`. */
const tokens = (text: string, words: Set<string>) =>
  [...wordTokens(text)].map((t) => {
    const word = searchForm(t.text)
    return { start: t.index, end: t.index + t.text.length, word, match: words.has(word) }
  })

/**
 * Splits text into plain and matching parts for <mark> around matches: a word matches when it
 * is one of the query's words as search compares them (lib/search/words), so "Stretches" is
 * marked for "stretch", as search found it.
 */
export const highlight = (text: string, words: string[]): Segment[] => {
  if (!text) return []
  const segments: Segment[] = []
  let at = 0
  for (const t of tokens(text, new Set(words))) {
    if (!t.match) continue
    if (t.start > at) segments.push({ text: text.slice(at, t.start), match: false })
    segments.push({ text: text.slice(t.start, t.end), match: true })
    at = t.end
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false })
  return segments
}

/**
 * A passage of about `length` characters where the most different query words appear together
 * (the earliest such place on a tie), cut at word boundaries, with an ellipsis where it was cut.
 * Without a match, the opening words.
 */
export const snippet = (text: string, words: string[], length = 200): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat
  const lead = Math.floor(length / 3)
  // The first 200 matches are plenty to place a passage, and keep a long post's cost bounded.
  const found = tokens(flat, new Set(words))
    .filter((t) => t.match)
    .slice(0, 200)
  let best = { start: 0, score: -1 }
  for (const hit of found) {
    const start = Math.max(0, Math.min(hit.start - lead, flat.length - length))
    const inWindow = found.filter((t) => t.start >= start && t.end <= start + length)
    const score = new Set(inWindow.map((t) => t.word)).size
    if (score > best.score || (score === best.score && start < best.start)) best = { start, score }
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
