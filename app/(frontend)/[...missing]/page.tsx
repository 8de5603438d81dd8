import { notFound, permanentRedirect } from 'next/navigation'

import { findRedirect } from '@/lib/data/redirects'

type Props = { params: Promise<{ missing: string[] }> }

// Rendered once per address and cached (the not-found page too: bots probe made-up addresses
// by the thousand), under the tags its redirect lookup reads, so a redirect made for the address
// or a post published shows at once. The cache handler keeps what fits its memory budget.
export const generateStaticParams = async () => []
export const revalidate = 86400

/**
 * Any address no other route claims: an old address with a redirect (a WordPress permalink
 * after an import) goes to its new page permanently; anything else gets the blog's own "not
 * found" page, inside its layout. proxy.ts answers first, with a 301. When it found nothing,
 * findRedirect here is served from the entry its lookup (/api/redirects/resolve) just cached, so
 * the database is asked once. This page still asks because it is the only path for addresses
 * the proxy's matcher leaves alone (any that starts like a route: /search-tips, /icons) or whose
 * lookup failed there (they get Next's 308), and because the read tags the cached "not found"
 * with REDIRECT_LOOKUP_TAGS, so a redirect or a post made for the address purges it, here and
 * at the edge.
 */
const Missing = async ({ params }: Props) => {
  const { missing } = await params
  const target = await findRedirect(`/${missing.join('/')}`)
  if (target) permanentRedirect(target)
  notFound()
}

export default Missing
