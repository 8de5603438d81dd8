import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { EDGE_KEYS_BY_ROUTE } from './lib/edge/routeKeys'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// One stamp per build, written into the code it builds: cached reads are keyed by it
// (lib/data/cachedRead.ts), so a new deploy never takes an older build's entries from Redis.
const buildStamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

const nextConfig: NextConfig = {
  poweredByHeader: false,
  env: { INKWELL_BUILD_STAMP: buildStamp },
  // Next hashes every cached page on every request to make its ETag (the bench measured about a
  // third more requests per second without it). Pages are revalidated on change, and a proxy or
  // CDN in front caches by s-maxage, so conditional requests are not worth that cost here.
  generateEtags: false,
  // `npm start` compresses instead (scripts/compression.mjs): a cached page once, not per reader.
  compress: false,
  // Rendered pages and cached reads: in memory, shared through Redis when REDIS_URL is set, and
  // tagged for the edge cache. Plain JavaScript, because Next loads it as it is at run time.
  cacheHandler: path.join(dirname, 'lib/cache/handler.mjs'),
  images: {
    // Uploads are served by Payload under /api/media/file; next/image resizes them.
    localPatterns: [{ pathname: '/api/media/file/**' }],
    formats: ['image/avif', 'image/webp'],
  },
  async redirects() {
    return [
      { source: '/page/1', destination: '/', permanent: true },
      // Page 1 of a post's comments is the post itself.
      { source: '/posts/:slug/comments/1', destination: '/posts/:slug#comments', permanent: true },
      {
        source: '/:kind(categories|tags|authors)/:slug/page/1',
        destination: '/:kind/:slug',
        permanent: true,
      },
      // Moderators land on the queue: a bare visit to the comments list opens on pending
      // comments. Any query (a filter, a page, a search) means the list was chosen on purpose.
      {
        source: '/admin/collections/comments',
        // Payload's filters are keyed where[...], which `missing` cannot match by prefix; the
        // lists it builds always carry page or limit, so those mark a chosen view.
        missing: ['page', 'limit', 'sort', 'search'].map((key) => ({
          type: 'query' as const,
          key,
        })),
        destination: '/admin/collections/comments?page=1&where[status][equals]=pending',
        permanent: false,
      },
    ]
  },
  async rewrites() {
    // The home page is page 1 of the index. Serving it from the dynamic /page/[page] route lets
    // it be rendered on first request and cached, rather than at build time when no database
    // may be reachable (a Docker build, a CI machine).
    return [{ source: '/', destination: '/page/1' }]
  },
}

const withPayloadConfig = withPayload(nextConfig, { devBundleServerPackages: false })
const payloadHeaders = withPayloadConfig.headers

/**
 * Payload asks every page for the reader's colour scheme (Accept-CH, Critical-CH, Vary) so the
 * dashboard can theme itself. On reader pages that costs a retried request in Chromium and a
 * cache split by colour scheme for nothing, so those headers are kept to the dashboard.
 */
const config: NextConfig = {
  ...withPayloadConfig,
  headers: async () => [
    ...((await payloadHeaders?.()) ?? []).map((rule) =>
      rule.source === '/:path*' && rule.headers.some((h) => h.key === 'Critical-CH')
        ? { ...rule, source: '/admin/:path*' }
        : rule,
    ),
    // No other site may frame the dashboard (clickjacking a moderator's click) or the reader
    // pages; the dashboard's own live preview frames this site, which stays allowed.
    {
      source: '/:path*',
      headers: [
        { key: 'Content-Security-Policy', value: "frame-ancestors 'self'" },
        { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      ],
    },
    ...EDGE_KEYS_BY_ROUTE.map(({ source, keys }) => ({
      source,
      headers: [{ key: 'xkey', value: keys.join(' ') }],
    })),
  ],
}

export default config
