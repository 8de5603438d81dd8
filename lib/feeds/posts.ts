import type { FeedComment, FeedPost } from '@/lib/data/feeds'
import type { SiteSettingsView } from '@/lib/data/views'
import { absoluteUrl } from '@/lib/site'

import type { Feed } from './rss'

/** The posts feed of the site, or of one category. */
export const postsFeed = (
  posts: FeedPost[],
  settings: Pick<SiteSettingsView, 'siteName' | 'tagline'>,
  category: { title: string; slug: string } | null,
): Feed => ({
  title: category ? `${settings.siteName}: ${category.title}` : settings.siteName,
  link: absoluteUrl(category ? `/categories/${category.slug}` : '/'),
  selfLink: absoluteUrl(category ? `/categories/${category.slug}/feed.xml` : '/feed.xml'),
  description: settings.tagline ?? `The latest posts from ${settings.siteName}`,
  items: posts.map((post) => ({
    title: post.title,
    link: absoluteUrl(`/posts/${post.slug}`),
    guid: absoluteUrl(`/posts/${post.slug}`),
    description: post.excerpt ?? '',
    publishedAt: post.publishedAt,
    author: post.authors.join(', ') || undefined,
    categories: post.categories,
  })),
})

/** The comments feed: who said what on which post, linking to the comment. */
export const commentsFeed = (
  comments: FeedComment[],
  settings: Pick<SiteSettingsView, 'siteName'>,
): Feed => ({
  title: `Comments on ${settings.siteName}`,
  link: absoluteUrl('/'),
  selfLink: absoluteUrl('/comments/feed.xml'),
  description: `The latest comments from readers of ${settings.siteName}`,
  items: comments.flatMap((c) =>
    c.post
      ? [
          {
            title: `${c.name} on “${c.post.title}”`,
            link: absoluteUrl(`/comments/${c.id}`),
            guid: absoluteUrl(`/posts/${c.post.slug}#comment-${c.id}`),
            description: c.body,
            publishedAt: c.postedAt,
            author: c.name,
          },
        ]
      : [],
  ),
})
