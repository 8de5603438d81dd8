import { z } from 'zod'

export const SEARCH_MAX_LENGTH = 100

/** The search page's query string: the words (trimmed, at most 100 characters) and a page. */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(SEARCH_MAX_LENGTH, `Search for at most ${SEARCH_MAX_LENGTH} characters.`)
    .catch('')
    .default(''),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
})
