/** The site's public address (SERVER_URL), for canonical links, feeds, sitemaps and JSON-LD. */
export const siteUrl = (): string =>
  (process.env.SERVER_URL || 'http://localhost:3000').replace(/\/+$/, '')

/** An absolute URL on this site for a path ("/posts/x") or an already absolute URL. */
export const absoluteUrl = (pathOrUrl: string): string =>
  /^https?:\/\//.test(pathOrUrl)
    ? pathOrUrl
    : `${siteUrl()}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`

/** One step of a breadcrumb trail. */
export type Crumb = { name: string; path: string }
