import { CacheTags } from '@/lib/cacheTags'
import { storedId } from '@/lib/comments/ids'

/**
 * What the answer to "where does this old address go now?" depends on: the redirects, and the
 * posts they point at (a slug changes, a post is published or withdrawn). The one cached lookup
 * (lib/data/redirects.ts) is tagged with these, and the proxy forgets what it remembered when
 * any of them expires.
 */
export const REDIRECT_LOOKUP_TAGS = [CacheTags.redirects, CacheTags.postLists] as const

/**
 * One spelling for an old path, whichever way a browser or an export writes it: decoded
 * (%F0%9F%A7%98 and 🧘 alike), without a trailing slash, Unicode-normalised. Query strings
 * are not part of a redirect's address.
 */
export const normalizeRedirectPath = (input: string): string => {
  let path = input.trim().split(/[?#]/)[0] ?? ''
  try {
    path = decodeURIComponent(path)
  } catch {
    // A stray % stays as written.
  }
  path = path.normalize('NFC').replace(/\/{2,}/g, '/')
  if (path.length > 1) path = path.replace(/\/+$/, '')
  return path.startsWith('/') ? path : `/${path}`
}

const THIS_SITE = 'http://this-site.invalid'

export type RedirectTarget = { kind: 'local'; path: string } | { kind: 'external'; url: string }

/**
 * Where a redirect may send readers, parsed the way browsers parse it: a path on this site, or
 * a full http(s) address written out as one. A text that only looks like a path (`/\evil.example`
 * and `//evil.example` both mean another host to a browser) is neither, and gets null.
 */
export const parseRedirectTarget = (value: string): RedirectTarget | null => {
  const text = value.trim()
  try {
    if (/^https?:\/\//i.test(text)) {
      const url = new URL(text)
      return url.hostname ? { kind: 'external', url: url.href } : null
    }
    if (!text.startsWith('/')) return null
    const url = new URL(text, THIS_SITE)
    return url.origin === THIS_SITE
      ? { kind: 'local', path: `${url.pathname}${url.search}${url.hash}` }
      : null
  } catch {
    return null
  }
}

/** The address to send a reader to, or null when a stored target is not a safe one. */
export const redirectLocation = (to: string): string | null => {
  const target = parseRedirectTarget(to)
  if (!target) return null
  return target.kind === 'local' ? target.path : target.url
}

/**
 * A redirect's target as the redirects plugin stores it: one of the blog's posts, by reference
 * (so a new slug never breaks it), or a custom address.
 */
export type StoredRedirectTo = {
  type?: 'reference' | 'custom' | null
  reference?: { relationTo: string; value: unknown } | null
  url?: string | null
}

/** The post a redirect points at (its id, stored or populated), or null for a custom address. */
export const redirectPostId = (to: StoredRedirectTo | null | undefined): number | string | null =>
  to?.type === 'reference' && to.reference?.relationTo === 'posts'
    ? storedId(to.reference.value)
    : null

/**
 * Where a custom target sends readers, or null when it is not a custom one or not safe. A plain
 * text is a redirect stored before the plugin: SQLite's migration converts those, but MongoDB
 * has no migrations, so its old documents still hold `to` as the address itself.
 */
export const customRedirectLocation = (
  to: StoredRedirectTo | string | null | undefined,
): string | null => {
  if (typeof to === 'string') return redirectLocation(to)
  return to?.type === 'custom' && to.url ? redirectLocation(to.url) : null
}
