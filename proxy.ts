import { type NextRequest, NextResponse } from 'next/server'

import { refuseFormPost } from '@/lib/formPostGuard'
import { normalizeRedirectPath, redirectLocation } from '@/lib/redirects'

/**
 * Two jobs, each on the requests that need it only (see the matcher), so reader pages never pay:
 * - Form posts (server actions, with or without JavaScript) that Next would refuse with a 500
 *   (another site's page, `Origin: null`, a body over its limit) get a clear 4xx page instead.
 * - Old addresses (WordPress permalinks after an import, or any redirect staff add) answer with
 *   a 301, which pages cannot send (Next gives them 308). The lookup goes through the public REST
 *   API of this same server and is remembered briefly.
 */
const remembered = new Map<string, { to: string | null; until: number }>()
const HIT_MS = 60_000
const MISS_MS = 10_000

const lookup = async (request: NextRequest, path: string): Promise<string | null> => {
  const cached = remembered.get(path)
  if (cached && cached.until > Date.now()) return cached.to
  // This server's own address when Next knows it, so the lookup never leaves the machine.
  const url = new URL('/api/redirects', process.env.__NEXT_PRIVATE_ORIGIN || request.nextUrl.origin)
  url.searchParams.set('where[from][equals]', path)
  url.searchParams.set('limit', '1')
  url.searchParams.set('depth', '0')
  let to: string | null = null
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' } })
    if (res.ok) to = ((await res.json()) as { docs?: { to?: string }[] }).docs?.[0]?.to ?? null
  } catch {
    // The page's own not-found (with its 308 fallback) handles it.
  }
  if (remembered.size > 5000) remembered.clear()
  remembered.set(path, { to, until: Date.now() + (to ? HIT_MS : MISS_MS) })
  return to
}

export const proxy = async (request: NextRequest) => {
  if (request.method === 'POST') return refuseFormPost(request) ?? NextResponse.next()
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next()
  const stored = await lookup(request, normalizeRedirectPath(request.nextUrl.pathname))
  // A target that would leave the site without saying so (`/\evil.example`) is never followed.
  const to = stored && redirectLocation(stored)
  if (!to) return NextResponse.next()
  return NextResponse.redirect(new URL(to, request.url), 301)
}

export const config = {
  matcher: [
    // Everything except the routes this app serves, its assets and the root.
    '/((?!_next/|api/|admin|posts/|authors/|categories/|tags/|page/|search|preview|feed\\.xml|comments/|sitemap\\.xml|robots\\.txt|icon|favicon).+)',
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
