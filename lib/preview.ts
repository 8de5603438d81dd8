import { createHmac, timingSafeEqual } from 'node:crypto'

/** The secret in a post's preview link: only the dashboard, which knows PAYLOAD_SECRET, makes it. */
export const previewSecret = (secret: string, slug: string): string =>
  createHmac('sha256', secret).update(`preview:${slug}`).digest('base64url')

export const isValidPreviewSecret = (secret: string, slug: string, given: string): boolean => {
  const expected = Buffer.from(previewSecret(secret, slug))
  const actual = Buffer.from(given)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

/** The dashboard's preview and live-preview address for a post. */
export const previewPath = (secret: string, slug: string): string =>
  `/preview?slug=${encodeURIComponent(slug)}&secret=${previewSecret(secret, slug)}`

/** Only site paths: an exit link can never send staff to another site. */
export const safeReturnPath = (path: string | null): string =>
  path && /^\/(?!\/)[\w\-./%?=&]*$/.test(path) ? path : '/'
