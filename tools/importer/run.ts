import type { Payload, SanitizedConfig } from 'payload'

import { CacheTags } from '@/lib/cacheTags'
import { expireTags } from '@/lib/server/revalidate'

import { converters } from './converters'
import { type ImportOptions, type ImportReport, type ImportSession, createSession } from './session'
import { importAuthors } from './steps/authors'
import { importBlocks } from './steps/blocks'
import { importComments, warnReaderComments } from './steps/comments'
import { importMedia } from './steps/media'
import { importPost, skipOtherTypes } from './steps/posts'
import { importRedirect } from './steps/redirects'
import { importTerms } from './steps/terms'
import type { WxrSite } from './wxr'
import { type WxrSource, siteSource } from './wxrFile'

export { KINDS } from './session'
export type { ImportOptions, ImportReport, Kind, Tally } from './session'

const asSource = (site: WxrSite | WxrSource): WxrSource =>
  'posts' in site ? site : siteSource(site)

/** The number of steps for a progress bar: every author, term and item, and each post's comments. */
export const countWork = (site: WxrSite | WxrSource): number => {
  const source = asSource(site)
  return (
    source.authors.length +
    source.categories.length +
    source.tags.length +
    source.items.length +
    source.postCount +
    source.postComments
  )
}

/**
 * Imports a parsed WordPress export through the Local API: authors (as public profiles),
 * categories with their hierarchy, tags, images, reusable blocks, posts with their status and
 * content, comments with their status and threads, and a redirect from each old permalink.
 * Keyed by WordPress ids, so a second run updates what changed and duplicates nothing. A bad
 * item is reported and skipped; the items after it still import. With dryRun nothing is
 * written: the report says what would happen. A staff login the export does not have throws
 * before anything is written. A source from readWxrFile gives the posts one at a time: each is
 * imported with its comments and let go, and the report keeps counts and keys, not documents.
 */
export const importWordpress = async (
  payload: Payload,
  config: SanitizedConfig,
  site: WxrSite | WxrSource,
  options: ImportOptions = {},
): Promise<ImportReport> => {
  const source = asSource(site)
  const s = createSession(payload, config, source, options)
  // Each step reads the ids the steps before it stored in the session.
  await importAuthors(s)
  await importTerms(s)
  await importMedia(s)
  const convert = await converters(s)
  await importBlocks(s, convert)
  skipOtherTypes(s)
  // A post, then its old address and its comments: a post that fails takes neither with it.
  for await (const item of source.posts()) {
    const label = `post ${item.id} “${item.title}”`
    await s.each('posts', label, async () => {
      const post = await importPost(s, convert, item, label)
      s.posts.push(post)
      await importRedirect(s, item, post)
      await importComments(s, item, post.id, label)
    })
  }
  warnReaderComments(s)
  if (!s.dryRun) await refreshPages(s)
  return s.report
}

/** One refresh of every reader page at the end, not one per item. */
const refreshPages = (s: ImportSession) =>
  expireTags(s.payload, [
    CacheTags.postLists,
    CacheTags.authors,
    CacheTags.taxonomy,
    CacheTags.media,
    CacheTags.reusableBlocks,
    CacheTags.allComments,
    CacheTags.redirects,
    ...s.posts.map((p) => CacheTags.post(p.slug)),
    ...s.posts.flatMap((p) => (p.id === null ? [] : [CacheTags.comments(p.id)])),
  ])
