import { getSitemapCounts, getSitemapFile } from '@/lib/data/sitemap'
import { sitemapFileOf, urlsPerFile } from '@/lib/sitemap/files'
import { pageUrls } from '@/lib/sitemap/urls'
import { renderUrlset, sitemapNotFound, sitemapResponse } from '@/lib/sitemap/xml'

// As /sitemap.xml: per request, from cached reads.
export const dynamic = 'force-dynamic'

/** GET /sitemap/<section>-<n>.xml: one file of the sitemap index; 404 for any other name. */
export const GET = async (
  _request: Request,
  { params }: { params: Promise<{ file: string }> },
): Promise<Response> => {
  const counts = await getSitemapCounts()
  const perFile = urlsPerFile(counts)
  const file = sitemapFileOf((await params).file, counts, perFile)
  if (!file) return sitemapNotFound()
  return sitemapResponse(renderUrlset(pageUrls(await getSitemapFile(file, perFile))))
}
