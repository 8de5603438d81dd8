import type { MetadataRoute } from 'next'

import { absoluteUrl } from '@/lib/site'

// Read at request time so the sitemap address follows SERVER_URL where the app runs.
export const dynamic = 'force-dynamic'

/** /robots.txt: readers' pages are open to crawlers; the dashboard, API and previews are not. */
const robots = (): MetadataRoute.Robots => ({
  rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/preview', '/search'] }],
  sitemap: absoluteUrl('/sitemap.xml'),
})

export default robots
