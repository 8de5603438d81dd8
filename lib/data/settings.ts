import 'server-only'

import { unstable_cache } from 'next/cache'

import { CacheTags } from '@/lib/cacheTags'

import { getPayloadClient } from './payload'
import { type SiteSettingsView, toSettingsView } from './views'

/** Site-wide words every page shows. Empty sections come back as null so pages can skip them. */
export const getSiteSettings = unstable_cache(
  async (): Promise<SiteSettingsView> => {
    const payload = await getPayloadClient()
    const doc = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: false })
    return toSettingsView(doc)
  },
  ['site-settings'],
  { tags: [CacheTags.settings] },
)
