import { notFound, permanentRedirect } from 'next/navigation'

import { findRedirect } from '@/lib/data/redirects'
import { redirectLocation } from '@/lib/redirects'

type Props = { params: Promise<{ missing: string[] }> }

/**
 * Any address no other route claims: an old address with a redirect (a WordPress permalink
 * after an import) goes to its new page permanently; anything else gets the blog's own "not
 * found" page, inside its layout.
 */
const Missing = async ({ params }: Props) => {
  const { missing } = await params
  const stored = await findRedirect(`/${missing.join('/')}`)
  const target = stored && redirectLocation(stored)
  if (target) permanentRedirect(target)
  notFound()
}

export default Missing
