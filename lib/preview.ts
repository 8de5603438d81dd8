import { sameSignature, signFor } from './signing'

/** The secret in a post's preview link: only the dashboard, which knows PAYLOAD_SECRET, makes it. */
export const previewSecret = (secret: string, slug: string): string =>
  signFor(secret, 'preview', slug)

export const isValidPreviewSecret = (secret: string, slug: string, given: string): boolean =>
  sameSignature(previewSecret(secret, slug), given)

/** The dashboard's preview and live-preview address for a post. */
export const previewPath = (secret: string, slug: string): string =>
  `/preview?slug=${encodeURIComponent(slug)}&secret=${previewSecret(secret, slug)}`

/** Only site paths: an exit link can never send staff to another site. */
export const safeReturnPath = (path: string | null): string =>
  path && /^\/(?!\/)[\w\-./%?=&]*$/.test(path) ? path : '/'
