import 'server-only'

import { CacheTags } from '@/lib/cacheTags'

import { cachedRead } from './cachedRead'
import { getPayloadClient } from './payload'
import { type SiteSettingsView, toSettingsView } from './views'

/** Site-wide words every page shows. Empty sections come back as null so pages can skip them. */
export const getSiteSettings = (): Promise<SiteSettingsView> =>
  cachedRead(['site-settings'], [CacheTags.settings], async () => {
    const payload = await getPayloadClient()
    const doc = await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: false })
    return toSettingsView(doc)
  })
