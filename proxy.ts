import { type NextRequest, NextResponse } from 'next/server'

import { normalizeRedirectPath } from '@/lib/redirects'

/**
 * Old addresses (WordPress permalinks after an import, or any redirect staff add) answer with a
 * 301, which pages cannot send (Next gives them 308). Only paths no route of ours can serve reach
 * this (see the matcher), so reader pages never pay for it. The lookup goes through the public
 * REST API of this same server and is remembered briefly.
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
  const to = await lookup(request, normalizeRedirectPath(request.nextUrl.pathname))
  if (!to) return NextResponse.next()
  return NextResponse.redirect(new URL(to, request.url), 301)
}

export const config = {
  // Everything except the routes this app serves, its assets and the root.
  matcher: [
    '/((?!_next/|api/|admin|posts/|authors/|categories/|tags/|page/|search|preview|feed\\.xml|comments/|sitemap\\.xml|robots\\.txt|icon|favicon).+)',
  ],
}
