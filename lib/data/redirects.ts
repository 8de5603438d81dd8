import 'server-only'

import { unstable_cache } from 'next/cache'

import { CacheTags } from '@/lib/cacheTags'
import { normalizeRedirectPath } from '@/lib/redirects'

import { getPayloadClient } from './payload'

/** Where an old address now lives, or null. Cached until a redirect changes. */
export const findRedirect = (path: string): Promise<string | null> => {
  const from = normalizeRedirectPath(path)
  return unstable_cache(
    async () => {
      const payload = await getPayloadClient()
      const { docs } = await payload.find({
        collection: 'redirects',
        overrideAccess: false,
        where: { from: { equals: from } },
        limit: 1,
        depth: 0,
        select: { to: true },
      })
      return docs[0]?.to ?? null
    },
    ['redirect', from],
    { tags: [CacheTags.redirects] },
  )()
}
