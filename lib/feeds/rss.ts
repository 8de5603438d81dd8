export type FeedItem = {
  title: string
  link: string
  guid: string
  description: string
  publishedAt: string
  author?: string
  categories?: string[]
}
export type Feed = {
  title: string
  link: string
  selfLink: string
  description: string
  items: FeedItem[]
}

/** Text safe inside XML elements and attributes (and without characters XML forbids). */
export const escapeXml = (text: string): string =>
  text
    // Characters XML 1.0 forbids: most controls, U+FFFE and U+FFFF, and lone surrogates.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')

const element = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`

/** An RSS 2.0 document, with an Atom self link as feed validators ask. */
export const renderRss = (feed: Feed): string => {
  const newest = feed.items[0]?.publishedAt
  const items = feed.items
    .map((item) =>
      [
        '<item>',
        element('title', item.title),
        element('link', item.link),
        `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
        element('description', item.description),
        element('pubDate', new Date(item.publishedAt).toUTCString()),
        element('dc:creator', item.author),
        ...(item.categories ?? []).map((c) => element('category', c)),
        '</item>',
      ].join(''),
    )
    .join('\n')
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', feed.title),
    element('link', feed.link),
    element('description', feed.description),
    `<atom:link href="${escapeXml(feed.selfLink)}" rel="self" type="application/rss+xml"/>`,
    element('language', 'en'),
    newest ? element('lastBuildDate', new Date(newest).toUTCString()) : '',
    items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n')
}

/** The HTTP response for a feed: XML, cacheable by browsers and proxies for a few minutes. */
export const rssResponse = (xml: string): Response =>
  new Response(xml, {
    headers: {
      'content-type': 'application/rss+xml; charset=utf-8',
      'cache-control': 'public, max-age=300',
    },
  })
