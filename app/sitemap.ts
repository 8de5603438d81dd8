import type { MetadataRoute } from 'next'

import { getSitemapEntries } from '@/lib/data/feeds'
import { absoluteUrl } from '@/lib/site'

// Built per request from a cached read (refreshed when posts, authors or categories change);
// never at build time, when no database may be reachable.
export const dynamic = 'force-dynamic'

/** /sitemap.xml: published posts, authors and categories, each with its last change. */
const sitemap = async (): Promise<MetadataRoute.Sitemap> =>
  (await getSitemapEntries()).map((entry) => ({
    url: absoluteUrl(entry.path),
    lastModified: entry.lastModified,
  }))

export default sitemap
