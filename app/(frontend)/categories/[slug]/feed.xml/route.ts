import { getFeedPosts } from '@/lib/data/feeds'
import { getSiteSettings } from '@/lib/data/settings'
import { postsFeed } from '@/lib/feeds/posts'
import { rssResponse, renderRss } from '@/lib/feeds/rss'

export const dynamic = 'force-dynamic'

/** GET /categories/<slug>/feed.xml: the latest 20 posts of one category. */
export const GET = async (
  _request: Request,
  { params }: { params: Promise<{ slug: string }> },
): Promise<Response> => {
  const { slug } = await params
  const [feed, settings] = await Promise.all([getFeedPosts(slug), getSiteSettings()])
  if (!feed) return new Response('No such category.', { status: 404 })
  return rssResponse(
    renderRss(postsFeed(feed.posts, settings, { title: feed.title ?? slug, slug })),
  )
}
