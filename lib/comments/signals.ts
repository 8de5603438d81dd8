/**
 * The moderation rules as plain functions: each looks at a comment and says what it found, in
 * words a moderator reads in the dashboard ("3 links", "matched word: casino").
 */
export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash'

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi

/** How many links a text holds (http(s) URLs and bare www. addresses). */
export const countLinks = (text: string): number => text.match(LINK)?.length ?? 0

/** Words from a staff-edited list, one per line or comma-separated; blank entries dropped. */
export const parseWordList = (list: string | null | undefined): string[] =>
  (list ?? '')
    .split(/[\n,]/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0)

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The first listed word or phrase found as a whole word in any of the texts, else null. */
export const findListedWord = (texts: string[], words: string[]): string | null => {
  const haystack = texts.join('\n').toLowerCase()
  for (const word of words) {
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escape(word)}($|[^\\p{L}\\p{N}])`, 'u').test(haystack))
      return word
  }
  return null
}

export type ScreenInput = {
  texts: string[]
  maxLinks: number
  disallowedWords: string[]
  moderationWords: string[]
  /** The email already has an approved comment. */
  trusted: boolean
  trustApproved: boolean
}

/**
 * Decides a new comment's status and why. Disallowed words mean spam; too many links or a
 * moderation word hold it; a trusted commenter is approved at once; anyone else waits.
 */
export const screenComment = (input: ScreenInput): { status: CommentStatus; signals: string[] } => {
  const signals: string[] = []
  const banned = findListedWord(input.texts, input.disallowedWords)
  if (banned) return { status: 'spam', signals: [`disallowed word: ${banned}`] }

  const links = input.texts.reduce((n, t) => n + countLinks(t), 0)
  if (links > input.maxLinks) signals.push(`${links} links`)
  const held = findListedWord(input.texts, input.moderationWords)
  if (held) signals.push(`matched word: ${held}`)
  if (signals.length > 0) return { status: 'pending', signals }

  if (input.trusted && input.trustApproved) {
    return { status: 'approved', signals: ['returning commenter with an approved comment'] }
  }
  return {
    status: 'pending',
    signals: [input.trusted ? 'returning commenter' : 'first comment from this email'],
  }
}
