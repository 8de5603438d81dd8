import path from 'node:path'

/** Where uploads are stored on disk: MEDIA_DIR, or data/media beside the SQLite file. */
export const mediaDir = (): string =>
  path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.MEDIA_DIR || 'data/media')

/** A post's public address. */
export const postPath = (slug: string): string => `/posts/${slug}`
