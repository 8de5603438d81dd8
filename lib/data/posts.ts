import 'server-only'

import type { Where } from 'payload'

import { CacheTags } from '@/lib/cacheTags'

import { cachedRead } from './cachedRead'
import { findBySlug } from './findBySlug'
import { getPayloadClient } from './payload'
import {
  type PostSummary,
  type PostView,
  type RecentPost,
  toPostSummary,
  toPostView,
} from './views'

const PUBLISHED: Where = { _status: { equals: 'published' } }

/**
 * The start of every reader query for posts: published versions only, with the visitor's
 * access rules on (which also hold back posts dated in the future), narrowed by any filters.
 */
export const publishedPosts = (...filters: Where[]) => ({
  collection: 'posts' as const,
  overrideAccess: false,
  draft: false,
  where: { and: [PUBLISHED, ...filters] },
})

export const POSTS_PER_PAGE = 6
export const RECENT_POSTS = 5

/** What a post summary needs, selected and populated in one query (no per-post lookups). */
export const summaryQuery = {
  depth: 1,
  select: {
    title: true,
    slug: true,
    excerpt: true,
    publishedAt: true,
    featuredImage: true,
    authors: true,
  },
  populate: {
    authors: { name: true, slug: true, credentials: true },
    media: { url: true, filename: true, alt: true, width: true, height: true },
  },
} as const

export type PostListPage = {
  posts: PostSummary[]
  page: number
  totalPages: number
  totalDocs: number
}

/** One page of the published posts matching a filter, newest first. */
export const findPublishedPosts = async (
  where: Where | null,
  page: number,
): Promise<PostListPage> => {
  const payload = await getPayloadClient()
  const result = await payload.find({
    ...publishedPosts(...(where ? [where] : [])),
    sort: '-publishedAt',
    limit: POSTS_PER_PAGE,
    page,
    ...summaryQuery,
  })
  return {
    posts: result.docs.map(toPostSummary),
    // The page asked for, even past the end (Payload answers with its last page), so the
    // route can answer 404 there.
    page,
    totalPages: result.totalPages,
    totalDocs: result.totalDocs,
  }
}

/** One page of the newest published posts, as the index shows them. */
export const getPostsPage = (page: number): Promise<PostListPage> =>
  cachedRead(
    ['posts-page', String(page)],
    [CacheTags.postLists, CacheTags.authors, CacheTags.media],
    () => findPublishedPosts(null, page),
  )

/** Everything a post page shows, populated in one query. */
const postPageQuery = {
  limit: 1,
  depth: 1,
  pagination: false,
  populate: {
    authors: { name: true, slug: true, credentials: true },
    categories: { title: true, slug: true },
    tags: { title: true, slug: true },
    'reusable-blocks': { title: true, content: true },
  },
} as const

/** Content that points at a block that is gone renders nothing; the server log says where. */
const reportMissingBlocks = (post: PostView, log: (msg: string) => void) => {
  if (post.missingBlocks.length === 0) return
  log(
    `Post "${post.slug}" inserts reusable block(s) ${post.missingBlocks.join(', ')} that do not exist; readers see nothing there. Listed on the dashboard under Content problems.`,
  )
}

/** The published post at a slug, with everything its page shows; null when there is none. */
export const getPostBySlug = (slug: string): Promise<PostView | null> =>
  cachedRead(
    ['post', slug],
    [
      CacheTags.post(slug),
      CacheTags.authors,
      CacheTags.media,
      CacheTags.taxonomy,
      CacheTags.reusableBlocks,
    ],
    async () => {
      // Published versions only; the posts' read rule also holds back future dates.
      const doc = await findBySlug('posts', slug, {
        ...postPageQuery,
        draft: false,
        where: PUBLISHED,
      })
      const post = doc ? toPostView(doc) : null
      if (post) {
        const payload = await getPayloadClient()
        reportMissingBlocks(post, (msg) => payload.logger.warn(msg))
      }
      return post
    },
  )

/**
 * The latest version of a post, draft or not, for a signed-in staff member previewing it (never
 * cached). The visitor's own session decides what they may read.
 */
export const getPostPreview = async (slug: string, requestHeaders: Headers) => {
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: requestHeaders })
  if (!user) return null
  const doc = await findBySlug('posts', slug, { ...postPageQuery, user, draft: true })
  return doc ? toPostView(doc) : null
}

/** The latest published posts for the sidebar, leaving out the one being read. */
export const getRecentPosts = (excludeSlug: string | null): Promise<RecentPost[]> =>
  cachedRead(['recent-posts', excludeSlug ?? ''], [CacheTags.postLists], async () => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      ...publishedPosts(...(excludeSlug ? [{ slug: { not_equals: excludeSlug } }] : [])),
      sort: '-publishedAt',
      limit: RECENT_POSTS,
      depth: 0,
      pagination: false,
      select: { title: true, slug: true, publishedAt: true },
    })
    return docs.map((d) => ({
      title: d.title,
      slug: d.slug ?? String(d.id),
      publishedAt: d.publishedAt ?? null,
    }))
  })
