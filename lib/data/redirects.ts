import 'server-only'

import { postPath } from '@/lib/paths'
import {
  REDIRECT_LOOKUP_TAGS,
  type StoredRedirectTo,
  customRedirectLocation,
  normalizeRedirectPath,
  redirectPostId,
} from '@/lib/redirects'

import { cachedRead } from './cachedRead'
import { findBySlug } from './findBySlug'
import { getPayloadClient } from './payload'

/**
 * Where the redirect from an old path sends an anonymous reader now: a custom address when it is
 * a safe one; a post's current address when readers may see that post (published, its date
 * come). A draft or a post still to come gives null, so its slug never leaks.
 */
const resolveRedirect = async (from: string): Promise<string | null> => {
  // A redirect's `from` is its slug: the address it answers for.
  const redirect = await findBySlug('redirects', from, {
    by: 'from',
    depth: 0,
    select: { to: true },
  })
  const to = (redirect?.to ?? null) as StoredRedirectTo | string | null
  const postId = typeof to === 'string' ? null : redirectPostId(to)
  if (postId == null) return customRedirectLocation(to)
  // The posts' own read rule (publishedOrStaff) holds back drafts and future dates.
  const payload = await getPayloadClient()
  const { docs: posts } = await payload.find({
    collection: 'posts',
    overrideAccess: false,
    draft: false,
    where: { and: [{ id: { equals: postId } }, { _status: { equals: 'published' } }] },
    limit: 1,
    depth: 0,
    pagination: false,
    select: { slug: true },
  })
  const slug = posts[0]?.slug
  return slug ? postPath(slug) : null
}

/**
 * Where an old address now lives, or null. Cached until a redirect changes or any post is
 * published, renamed, unpublished or deleted (each expires the post lists), so a redirect to a
 * post follows its current slug.
 */
export const findRedirect = (path: string): Promise<string | null> => {
  const from = normalizeRedirectPath(path)
  return cachedRead(['redirect', from], REDIRECT_LOOKUP_TAGS, () => resolveRedirect(from))
}
