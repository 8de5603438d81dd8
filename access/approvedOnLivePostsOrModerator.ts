import type { Access, Where } from 'payload'

import { mayModerate } from './canModerate'

/**
 * Moderators and admins read every comment; everyone else only approved comments on posts
 * readers can see (published, their date come). A comment on a draft, a future post, an
 * unpublished one or an import that was private stays out of every API, as its post does.
 */
export const approvedOnLivePostsOrModerator: Access = ({ req: { user } }) => {
  if (mayModerate(user)) return true
  const visible: Where = {
    and: [
      { status: { equals: 'approved' } },
      { 'post._status': { equals: 'published' } },
      { 'post.publishedAt': { less_than_equal: new Date().toISOString() } },
    ],
  }
  return visible
}
