import type { GlobalAfterChangeHook } from 'payload'

import { CacheTags } from '@/lib/cacheTags'
import { expireTags, skipRevalidate } from '@/lib/server/revalidate'

/** Settings appear on every page, so a change expires the one tag every page carries. */
export const revalidateSettings: GlobalAfterChangeHook = async ({ doc, req }) => {
  if (!skipRevalidate(req.context)) await expireTags(req.payload, [CacheTags.settings])
  return doc
}
