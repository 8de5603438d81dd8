import { escapeXml } from '@/lib/feeds/rss'

export type SitemapUrl = { loc: string; lastModified?: string }

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

/** W3C datetime, or nothing for a date that is missing or unreadable (lastmod is optional). */
const lastmod = (value: string | undefined) => {
  const time = value ? Date.parse(value) : NaN
  return Number.isNaN(time) ? '' : `<lastmod>${new Date(time).toISOString()}</lastmod>`
}

const entry = (tag: 'url' | 'sitemap', { loc, lastModified }: SitemapUrl) =>
  `<${tag}><loc>${escapeXml(loc)}</loc>${lastmod(lastModified)}</${tag}>`

const document = (root: 'urlset' | 'sitemapindex', tag: 'url' | 'sitemap', urls: SitemapUrl[]) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${root} xmlns="${XMLNS}">`,
    ...urls.map((u) => entry(tag, u)),
    `</${root}>`,
    '',
  ].join('\n')

/** A <urlset>: the pages themselves. */
export const renderUrlset = (urls: SitemapUrl[]): string => document('urlset', 'url', urls)

/** A <sitemapindex>: the files that list the pages. */
export const renderSitemapIndex = (files: SitemapUrl[]): string =>
  document('sitemapindex', 'sitemap', files)

export const sitemapResponse = (xml: string): Response =>
  new Response(xml, {
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'cache-control': 'public, max-age=300',
    },
  })

export const sitemapNotFound = (): Response =>
  new Response('No such sitemap file.\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })
