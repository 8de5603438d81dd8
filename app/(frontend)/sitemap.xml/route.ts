import { getSitemapCounts, getSitemapFile } from '@/lib/data/sitemap'
import { fitsOneFile, sitemapFiles, urlsPerFile } from '@/lib/sitemap/files'
import { fileUrls, pageUrls } from '@/lib/sitemap/urls'
import { renderSitemapIndex, renderUrlset, sitemapResponse } from '@/lib/sitemap/xml'

// Built per request from cached reads (refreshed when posts, authors or categories change);
// never at build time, when no database may be reachable.
export const dynamic = 'force-dynamic'

/**
 * GET /sitemap.xml: every public page with its last change while they fit one file, and past
 * that an index of files of posts, authors and categories (GET /sitemap/<section>-<n>.xml).
 */
export const GET = async (): Promise<Response> => {
  const counts = await getSitemapCounts()
  const perFile = urlsPerFile(counts)
  const files = sitemapFiles(counts, perFile)
  if (!fitsOneFile(counts, perFile)) return sitemapResponse(renderSitemapIndex(fileUrls(files)))
  // Everything fits: each section is its own first file.
  const lists = await Promise.all(files.map((file) => getSitemapFile(file, perFile)))
  return sitemapResponse(renderUrlset(pageUrls(lists.flat())))
}
