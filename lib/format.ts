const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: process.env.SITE_TIME_ZONE || 'UTC',
})

/** "December 1, 2023", in the site's time zone so every reader sees the same date. */
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso))

/** "Maya Alvarez, LMT" */
export const authorLabel = (author: { name: string; credentials: string | null }): string =>
  author.credentials ? `${author.name}, ${author.credentials}` : author.name

const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: process.env.SITE_TIME_ZONE || 'UTC',
})

/** "Dec 1, 2023, 3:04 PM", in the site's time zone: when a comment came in, for moderators. */
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso))

/** A text on one line, at most `max` characters: longer ones end in "…" at that length. */
export const shortText = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
