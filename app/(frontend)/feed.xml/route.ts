import { getFeedPosts } from '@/lib/data/feeds'
import { getSiteSettings } from '@/lib/data/settings'
import { postsFeed } from '@/lib/feeds/posts'
import { rssResponse, renderRss } from '@/lib/feeds/rss'

// Built per request from cached reads: no database work until a post changes.
export const dynamic = 'force-dynamic'

/** GET /feed.xml: the latest 20 posts as RSS 2.0. */
export const GET = async (): Promise<Response> => {
  const [feed, settings] = await Promise.all([getFeedPosts(), getSiteSettings()])
  return rssResponse(renderRss(postsFeed(feed?.posts ?? [], settings, null)))
}
