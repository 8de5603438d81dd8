/**
 * The feeds every page names in its head. Next replaces `alternates` as a whole when a page
 * sets its own (a canonical address), so pages that do add these back.
 */
export const FEED_LINKS = {
  'application/rss+xml': [
    { url: '/feed.xml', title: 'Posts' },
    { url: '/comments/feed.xml', title: 'Comments' },
  ],
}
