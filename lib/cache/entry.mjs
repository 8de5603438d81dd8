// @ts-check
/**
 * What the cache handler stores for each key, and how it reads the tags of an entry.
 * @typedef {{ value: any, lastModified: number, tags: string[] }} Entry
 */

/** Next writes a rendered page's or route's tags into this header of its cached value. */
const NEXT_TAGS_HEADER = 'x-next-cache-tags'

/** The header carrying an entry's tags to the edge cache (Varnish's xkey vmod reads it). */
const EDGE_KEYS_HEADER = 'xkey'

/** Next's implicit per-path tags; the app never expires them, so the edge need not key on them. */
const isImplicitTag = (/** @type {string} */ tag) => tag.startsWith('_N_T_')

/**
 * The tags a value was rendered with: a page or route handler lists them in its headers, a
 * cached read (unstable_cache) passes them when it is stored.
 * @param {any} value @param {string[] | undefined} passedTags
 * @returns {string[]}
 */
export const tagsOf = (value, passedTags) => {
  const header = value?.headers?.[NEXT_TAGS_HEADER]
  if (typeof header === 'string' && header) return header.split(',')
  return passedTags ?? []
}

/**
 * Adds the edge keys to a page's or route's headers. Next copies a cached value's headers onto
 * every response it serves from it (and onto the first response, which shares this object), but
 * drops its own tags header outside its hosting platform's mode, so they travel under the name
 * the edge reads.
 * @param {any} value @param {string[]} tags
 */
export const addEdgeKeys = (value, tags) => {
  if (!value || (value.kind !== 'APP_PAGE' && value.kind !== 'APP_ROUTE')) return
  const keys = tags.filter((tag) => !isImplicitTag(tag))
  if (!keys.length) return
  value.headers ??= {}
  value.headers[EDGE_KEYS_HEADER] = keys.join(' ')
}

/**
 * A rough size in bytes, for the memory budget: the rendered HTML and data dominate.
 * @param {any} value
 */
export const sizeOf = (value) => {
  if (!value) return 64
  let size = 256
  for (const part of [value.html, value.rscData, value.body, value.buffer]) {
    if (part && typeof part.length === 'number') size += part.length
  }
  if (value.segmentData instanceof Map) {
    for (const segment of value.segmentData.values()) size += segment?.length ?? 0
  }
  if (value.kind === 'FETCH') size += JSON.stringify(value.data ?? null).length
  return size
}
