import type { SitemapEntry } from '@/lib/data/sitemap'
import { absoluteUrl } from '@/lib/site'

import { type SitemapFile, sitemapFileName } from './files'
import type { SitemapUrl } from './xml'

/** Site paths as the absolute addresses a sitemap must give. */
export const pageUrls = (entries: SitemapEntry[]): SitemapUrl[] =>
  entries.map((e) => ({ loc: absoluteUrl(e.path), lastModified: e.lastModified }))

/** An index's files as addresses. They carry no lastmod: it would cost a read of every file. */
export const fileUrls = (files: SitemapFile[]): SitemapUrl[] =>
  files.map((f) => ({ loc: absoluteUrl(`/sitemap/${sitemapFileName(f)}`) }))
