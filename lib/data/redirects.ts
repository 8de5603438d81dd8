import 'server-only'

import { unstable_cache } from 'next/cache'
import type { Payload } from 'payload'

import { CacheTags } from '@/lib/cacheTags'
import { postPath } from '@/lib/paths'
import {
  type StoredRedirectTo,
  customRedirectLocation,
  normalizeRedirectPath,
  redirectPostId,
} from '@/lib/redirects'

import { getPayloadClient } from './payload'

/**
 * Where the redirect from an old path sends an anonymous reader now: a custom address when it is
 * a safe one; a post's current address when readers may see that post (published, its date
 * come). A draft or a post still to come gives null, so its slug never leaks.
 */
const resolveRedirect = async (payload: Payload, from: string): Promise<string | null> => {
  const { docs } = await payload.find({
    collection: 'redirects',
    overrideAccess: false,
    where: { from: { equals: from } },
    limit: 1,
    depth: 0,
    pagination: false,
    select: { to: true },
  })
  const to = (docs[0]?.to ?? null) as StoredRedirectTo | string | null
  const postId = typeof to === 'string' ? null : redirectPostId(to)
  if (postId == null) return customRedirectLocation(to)
  // The posts' own read rule (publishedOrStaff) holds back drafts and future dates.
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
  return unstable_cache(
    async () => resolveRedirect(await getPayloadClient(), from),
    ['redirect', from],
    { tags: [CacheTags.redirects, CacheTags.postLists] },
  )()
}
