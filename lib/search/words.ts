/**
 * The words search compares: lower case, accents off, and singular and plural folded into one
 * form ("Massages" and "massage" are both "massag"). Posts store their words in this form when
 * saved (collections/Posts/hooks/deriveFromContent) and a query is folded the same way, so a
 * search is an exact lookup of stored words through an index, not a scan of every post's text.
 */

/** Longer "words" are addresses or encoded data, never what a reader types. */
const MAX_WORD_LENGTH = 40
/** A bound on what one post stores, so a pasted data dump cannot make its save enormous. */
export const MAX_WORDS_PER_POST = 5000
/** A bound on the words of one query; more add nothing but work. */
export const MAX_QUERY_WORDS = 8

/**
 * A crude English stemmer, applied alike to stored and queried words so both meet in one form
 * (it need not be a real word): "therapies" → "therapy"; "stretches", "aches", "massages",
 * "knees" drop "es"; a plain "s" goes (not from "-ss", "-us", "-is"); then a final "e" goes, so
 * "ache" meets "aches" and "knee" meets "knees". Short words are left alone ("yes", "was").
 */
export const foldWord = (word: string): string => {
  let w = word
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`
  else if (w.length > 3 && w.endsWith('es')) w = w.slice(0, -2)
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1)
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1)
  return w
}

/** Letters (with their accents) and digits: what a word is made of; anything else parts words. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu

/** A word as search compares it: accents off, lower case, folded; null for one never stored. */
export const searchForm = (token: string): string | null => {
  const plain = token.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  return plain && plain.length <= MAX_WORD_LENGTH ? foldWord(plain) : null
}

/** Each word of a text in its folded form, once, in the order they first appear. */
export const wordsOf = (text: string, max = MAX_WORDS_PER_POST): string[] => {
  const words = new Set<string>()
  for (const [token] of text.matchAll(WORD)) {
    const word = searchForm(token)
    if (word) words.add(word)
    if (words.size >= max) break
  }
  return [...words]
}

/**
 * A post's words as one string, a space before and after each, for whole-word `contains` checks.
 * Never empty (a post with no words has " "), so "not yet indexed" stays distinguishable.
 */
export const wordList = (words: string[]): string => ` ${words.join(' ')}${words.length ? ' ' : ''}`

/** The words of a query, folded, each once, at most MAX_QUERY_WORDS. */
export const queryWords = (query: string): string[] => wordsOf(query, MAX_QUERY_WORDS)
