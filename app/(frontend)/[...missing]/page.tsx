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
 * after an import) goes to its new page permanently (proxy.ts answers first with a 301; this is
 * its fallback); anything else gets the blog's own "not found" page, inside its layout.
 */
const Missing = async ({ params }: Props) => {
  const { missing } = await params
  const target = await findRedirect(`/${missing.join('/')}`)
  if (target) permanentRedirect(target)
  notFound()
}

export default Missing
