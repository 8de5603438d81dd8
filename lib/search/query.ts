import type { Where } from 'payload'

/**
 * What a post must match to answer a search for `words`: `rarest` (the word fewest posts have)
 * looked up through the index of posts' words, so the database reads only the posts that have
 * it, and each other word checked whole in those posts' word lists.
 */
export const searchFilters = (words: string[], rarest: string): Where[] => [
  { searchWords: { equals: rarest } },
  ...words
    .filter((word) => word !== rarest)
    .map((word) => ({ searchWordList: { contains: ` ${word} ` } })),
]
