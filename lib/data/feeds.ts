import 'server-only'

import { CacheTags } from '@/lib/cacheTags'

import { cachedRead } from './cachedRead'
import { findBySlug } from './findBySlug'
import { getPayloadClient } from './payload'
import { publishedPosts } from './posts'
import type { Post } from '@/payload-types'

export const FEED_SIZE = 20

export type FeedPost = {
  title: string
  slug: string
  excerpt: string | null
  publishedAt: string
  authors: string[]
  categories: string[]
}
export type FeedComment = {
  id: string
  name: string
  body: string
  postedAt: string
  post: { title: string; slug: string } | null
}

const names = (docs: Post['authors'] | Post['categories']): string[] =>
  (docs ?? []).flatMap((d) =>
    typeof d === 'object' && d ? [('name' in d ? d.name : d.title) as string] : [],
  )

/**
 * The latest published posts for a feed, optionally of one category; null when that category
 * does not exist.
 */
export const getFeedPosts = (
  categorySlug?: string,
): Promise<{ title: string | null; posts: FeedPost[] } | null> =>
  cachedRead(
    ['feed-posts', categorySlug ?? ''],
    [CacheTags.postLists, CacheTags.authors, CacheTags.taxonomy],
    async () => {
      const payload = await getPayloadClient()
      const category = categorySlug
        ? await findBySlug('categories', categorySlug, { depth: 0, select: { title: true } })
        : null
      if (categorySlug && !category) return null
      const { docs } = await payload.find({
        ...publishedPosts(...(category ? [{ categories: { contains: category.id } }] : [])),
        sort: '-publishedAt',
        limit: FEED_SIZE,
        depth: 1,
        select: {
          title: true,
          slug: true,
          excerpt: true,
          publishedAt: true,
          createdAt: true,
          authors: true,
          categories: true,
        },
        populate: { authors: { name: true }, categories: { title: true } },
      })
      return {
        title: category?.title ?? null,
        posts: docs.map((d) => ({
          title: d.title,
          slug: d.slug ?? String(d.id),
          excerpt: d.excerpt ?? null,
          publishedAt: d.publishedAt ?? d.createdAt,
          authors: names(d.authors),
          categories: names(d.categories),
        })),
      }
    },
  )

/**
 * The latest approved comments on published posts. Only public fields are selected: no email,
 * IP hash or browser ever reaches the feed.
 */
export const getFeedComments = (): Promise<FeedComment[]> =>
  cachedRead(['feed-comments'], [CacheTags.allComments, CacheTags.postLists], async () => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'comments',
      overrideAccess: false,
      // The read rule keeps this to approved comments on live posts.
      sort: '-createdAt',
      limit: FEED_SIZE,
      depth: 1,
      select: { authorName: true, body: true, post: true, submittedAt: true, createdAt: true },
      populate: { posts: { title: true, slug: true } },
    })
    return docs.map((c) => {
      const post = typeof c.post === 'object' && c.post ? c.post : null
      return {
        id: String(c.id),
        name: c.authorName ?? 'Anonymous',
        body: c.body,
        postedAt: c.submittedAt ?? c.createdAt,
        // A comment on a post readers cannot see (a draft) keeps its text out of the feed.
        post: post?.slug ? { title: post.title, slug: post.slug } : null,
      }
    })
  })
