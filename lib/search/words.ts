/**
 * The words search compares: lower case, accents off, and singular and plural folded into one
 * form ("Massages" and "massage" are both "massag"). Posts store their words in this form when
 * saved (collections/Posts/hooks/deriveFromContent) and a query is folded the same way, so a
 * search is an exact lookup of stored words through an index, not a scan of every post's text.
 */

/** Longer "words" are addresses or encoded data, never what a reader types: posts skip them. */
const MAX_WORD_LENGTH = 64
/** A bound on what one post stores, so a pasted data dump cannot make its save enormous. */
export const MAX_WORDS_PER_POST = 5000
/** A bound on the words of one query; more add nothing but work. */
export const MAX_QUERY_WORDS = 8

/**
 * A crude English stemmer, applied alike to stored and queried words so both meet in one form
 * (it need not be a real word): "-ies" becomes "-i", as does a final "y" ("therapies", "therapy",
 * "flies", "fly": "therapi", "fli"); a plain "s" goes (not from "-ss", "-us", "-is"); then a final
 * "e" goes, so "aches" and "ache" meet as "ach", "stretches" and "stretch" as "stretch",
 * "calories" and "calorie" as "calori". Short words keep their "s" and "e" ("yes", "eye", "toe").
 */
export const foldWord = (word: string): string => {
  let w = word
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}i`
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1)
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1)
  else if (w.length > 2 && w.endsWith('y')) w = `${w.slice(0, -1)}i`
  return w
}

/** Letters (with their accents) and digits: what a word is made of; anything else parts words. */
const LETTERS_AND_DIGITS = /[\p{L}\p{M}\p{N}]+/gu
/** Scripts written without spaces between words. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
let segmenter: Intl.Segmenter | undefined

/**
 * Each word of a text and where it starts: runs of letters and digits, and within a run in a
 * script written without spaces (Chinese, Japanese, Thai...) the words the platform's dictionary
 * finds there (Intl.Segmenter, which is too slow to run over every English text).
 */
export function* wordTokens(text: string): Generator<{ text: string; index: number }> {
  for (const match of text.matchAll(LETTERS_AND_DIGITS)) {
    if (!UNSPACED.test(match[0])) {
      yield { text: match[0], index: match.index }
      continue
    }
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' })
    for (const part of segmenter.segment(match[0])) {
      if (part.isWordLike) yield { text: part.segment, index: match.index + part.index }
    }
  }
}

/**
 * A word as search compares it: lower case, accents off (and whatever else compatibility
 * decomposition adds that is not a letter or digit), folded; empty for a run of marks alone.
 */
export const searchForm = (token: string): string =>
  foldWord(
    token
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]/gu, ''),
  )

/** The words of a text, folded, each once in the order they first appear, at most `max`. */
const collectWords = (text: string, max: number, maxLength: number): string[] => {
  const words = new Set<string>()
  for (const token of wordTokens(text)) {
    const word = token.text.length > maxLength ? '' : searchForm(token.text)
    if (word) words.add(word)
    if (words.size >= max) break
  }
  return [...words]
}

/** Each word of a post's text in its folded form, once, in the order they first appear. */
export const wordsOf = (text: string, max = MAX_WORDS_PER_POST): string[] =>
  collectWords(text, max, MAX_WORD_LENGTH)

/**
 * A post's words as one string, a space before and after each, for whole-word `contains` checks.
 * Never empty (a post with no words has " "), so "not yet indexed" stays distinguishable.
 */
export const wordList = (words: string[]): string => ` ${words.join(' ')}${words.length ? ' ' : ''}`

/**
 * The search fields a post stores (collections/Posts), from its title, excerpt and plain text:
 * the one place they are derived, for saves and for the start-up pass alike.
 */
export const postSearchFields = (...texts: (string | null | undefined)[]) => {
  const words = wordsOf(texts.filter(Boolean).join(' '))
  return { searchWords: words, searchWordList: wordList(words) }
}

/**
 * The words of a query, folded, each once, at most MAX_QUERY_WORDS. A word too long for any post
 * to have stored stays in: it finds nothing, as no post has it, rather than being left out.
 */
export const queryWords = (query: string): string[] =>
  collectWords(query, MAX_QUERY_WORDS, Infinity)
