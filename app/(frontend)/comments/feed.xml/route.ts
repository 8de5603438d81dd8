import { getFeedComments } from '@/lib/data/feeds'
import { getSiteSettings } from '@/lib/data/settings'
import { commentsFeed } from '@/lib/feeds/posts'
import { rssResponse, renderRss } from '@/lib/feeds/rss'

export const dynamic = 'force-dynamic'

/** GET /comments/feed.xml: the latest approved comments (names and words only, never emails). */
export const GET = async (): Promise<Response> => {
  const [comments, settings] = await Promise.all([getFeedComments(), getSiteSettings()])
  return rssResponse(renderRss(commentsFeed(comments, settings)))
}
