import { normalizeText, skeleton, squeezeSpacedLetters, withoutBlanks } from './text'

/**
 * The moderation rules as plain functions: each looks at a comment and says what it found, in
 * words a moderator reads in the dashboard ("3 links", "matched word: casino"). Readers and
 * commenters never see these words, nor the status they lead to.
 */
export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash'

/** Signals that change what happens next (the notification hook reads them again). */
export const SIGNALS = {
  duplicate: 'duplicate of a comment posted in the last 10 minutes',
  queueFull: 'held quietly: the moderation queue is full, no email sent',
} as const

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi

/** How many links a text holds (http(s) URLs and bare www. addresses, fullwidth ones too). */
export const countLinks = (text: string): number => normalizeText(text).match(LINK)?.length ?? 0

/** Words from a staff-edited list, one per line or comma-separated; blank entries dropped. */
export const parseWordList = (list: string | null | undefined): string[] =>
  (list ?? '')
    .split(/[\n,]/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0)

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The first listed word or phrase found as a whole word in any of the texts, else null. Both
 * sides are compared as they read, so hidden characters, look-alike letters, accents, spacing
 * and fullwidth forms do not slip a word past the list.
 */
export const findListedWord = (texts: string[], words: string[]): string | null => {
  const text = texts.join('\n')
  const read = skeleton(text)
  // As it reads, with letters written apart joined up, and with blanks inside words dropped.
  const haystack = [read, squeezeSpacedLetters(read), skeleton(withoutBlanks(text))].join('\n')
  for (const word of words) {
    const needle = skeleton(word)
    if (!needle) continue
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escape(needle)}($|[^\\p{L}\\p{N}])`, 'u').test(haystack))
      return word
  }
  return null
}

/** What is known of the person behind a comment, for trusting them. */
export type Returning =
  /** This browser (its signed commenter cookie) and email have an approved comment. */
  | 'proven'
  /** The email has approved comments, but nothing shows this is the same person. */
  | 'email-only'
  | 'new'

export type ScreenInput = {
  texts: string[]
  maxLinks: number
  disallowedWords: string[]
  moderationWords: string[]
  returning: Returning
  trustApproved: boolean
  /** Reasons found elsewhere (floods, a name of the clinic's) that hold the comment. */
  holds?: string[]
}

const RETURNING_SIGNAL: Record<Returning, string> = {
  proven: 'returning commenter: this browser and email have an approved comment',
  'email-only': 'email has approved comments, but not from this browser',
  new: 'first comment from this email',
}

/**
 * Decides a new comment's status and why. Disallowed words mean spam; too many links, a
 * moderation word or any other hold keep it for a moderator; a proven returning commenter is
 * approved at once; anyone else waits.
 */
export const screenComment = (input: ScreenInput): { status: CommentStatus; signals: string[] } => {
  const banned = findListedWord(input.texts, input.disallowedWords)
  if (banned) return { status: 'spam', signals: [`disallowed word: ${banned}`] }

  const holds = [...(input.holds ?? [])]
  const links = input.texts.reduce((n, t) => n + countLinks(t), 0)
  if (links > input.maxLinks) holds.push(`${links} links`)
  const held = findListedWord(input.texts, input.moderationWords)
  if (held) holds.push(`matched word: ${held}`)
  // Who the commenter is always helps the moderator, held or not.
  const signals = [...holds, RETURNING_SIGNAL[input.returning]]
  const trusted = input.returning === 'proven' && input.trustApproved
  return { status: holds.length === 0 && trusted ? 'approved' : 'pending', signals }
}
