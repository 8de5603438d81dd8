import { type NextRequest, NextResponse } from 'next/server'

import { expiredSince } from '@/lib/cache/expiry.mjs'
import { refuseFormPost } from '@/lib/formPostGuard'
import { REDIRECT_LOOKUP_TAGS, normalizeRedirectPath, redirectLocation } from '@/lib/redirects'

/**
 * Two jobs, each on the requests that need it only (see the matcher), so reader pages never pay:
 * - Form posts (server actions, with or without JavaScript) that Next would refuse with a 500
 *   (another site's page, `Origin: null`, a body over its limit) get a clear 4xx page instead.
 * - Old addresses (WordPress permalinks after an import, or any redirect staff add) answer with
 *   a 301, which pages cannot send (Next gives them 308). The lookup asks this same server
 *   (/api/redirects/resolve) and is remembered for a minute at most, and only until a redirect
 *   changes or a post is published, renamed or withdrawn: the cache's own tag clock says so, on
 *   this instance and (through Redis) on the others, so a renamed post is followed at once.
 */
const remembered = new Map<string, { to: string | null; at: number }>()
const REMEMBER_MS = 60_000
const REMEMBERED_MAX = 5000

const lookup = async (request: NextRequest, path: string): Promise<string | null> => {
  const cached = remembered.get(path)
  if (
    cached &&
    Date.now() - cached.at < REMEMBER_MS &&
    !expiredSince(REDIRECT_LOOKUP_TAGS, cached.at)
  ) {
    return cached.to
  }
  // This server's own address when Next knows it, so the lookup never leaves the machine.
  const url = new URL(
    '/api/redirects/resolve',
    process.env.__NEXT_PRIVATE_ORIGIN || request.nextUrl.origin,
  )
  url.searchParams.set('path', path)
  // Taken before asking: an expiry while the answer is on its way makes it out of date.
  const at = Date.now()
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' } })
    if (!res.ok) return null
    const to = ((await res.json()) as { location?: string | null }).location ?? null
    if (remembered.size >= REMEMBERED_MAX) remembered.clear()
    remembered.set(path, { to, at })
    return to
  } catch {
    // The page's own not-found (with its 308 fallback) handles it.
    return null
  }
}

export const proxy = async (request: NextRequest) => {
  if (request.method === 'POST') return refuseFormPost(request) ?? NextResponse.next()
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  const found = await lookup(request, normalizeRedirectPath(request.nextUrl.pathname))
  // A target that would leave the site without saying so (`/\evil.example`) is never followed.
  const to = found && redirectLocation(found)
  if (!to) return NextResponse.next()
  return NextResponse.redirect(new URL(to, request.url), 301)
}

export const config = {
  matcher: [
    // Everything except the routes this app serves, its assets and the root.
    '/((?!_next/|api/|admin|posts/|authors/|categories/|tags/|page/|search|preview|feed\\.xml|comments/|sitemap\\.xml|sitemap/|robots\\.txt|icon|favicon).+)',
    // Server actions: with JavaScript they carry a Next-Action header; without, they are a form
    // post. Plain page views have neither. (Next reads this config without running it, so the
    // paths are written out: every path but the REST API and Next's assets.)
    { source: '/((?!api/|_next/).*)', has: [{ type: 'header', key: 'next-action' }] },
    {
      source: '/((?!api/|_next/).*)',
      has: [
        {
          type: 'header',
          key: 'content-type',
          value: '(multipart/form-data|application/x-www-form-urlencoded).*',
        },
      ],
    },
  ],
}
