/**
 * Every cache tag the reader pages use. Data helpers tag their reads with these; Payload hooks
 * expire exactly the ones a change touches.
 */
export const CacheTags = {
  /** Any list of posts: the index, pagination, Recent Posts, author archives. */
  postLists: 'posts',
  /** One post's page, by slug. */
  post: (slug: string) => `post:${slug}`,
  /** Author profiles, shown in bylines and on author pages. */
  authors: 'authors',
  /** Categories and tags shown on posts. */
  taxonomy: 'taxonomy',
  /** Uploaded images (alt text, sizes) shown wherever posts are. */
  media: 'media',
  /** A post's approved comments, by post id. */
  comments: (postId: string | number) => `comments:${postId}`,
  /** Every approved comment: the comments feed. */
  allComments: 'comments',
  /** Reusable blocks, shown inside the posts that insert them. */
  reusableBlocks: 'reusable-blocks',
  /** Redirects from old addresses. */
  redirects: 'redirects',
  /** The site-settings global: name, tagline, closing note, call to action. */
  settings: 'settings',
} as const
