import type { ServerProps } from 'payload'

import { mayModerate } from '@/access/canModerate'
import { MODERATION_PATH } from '@/lib/moderation/tabs'

/**
 * How many comments wait for a moderator, shown to moderators and admins on the dashboard and
 * in the navigation, linking to the moderation queue.
 */
export const PendingComments = async ({ payload, user }: ServerProps) => {
  if (!mayModerate(user)) return null
  const { totalDocs } = await payload.count({
    collection: 'comments',
    where: { status: { equals: 'pending' } },
    overrideAccess: false,
    user,
  })
  return (
    <a
      href={MODERATION_PATH}
      className="pending-comments"
      aria-label={`${totalDocs} ${totalDocs === 1 ? 'comment' : 'comments'} awaiting moderation`}
    >
      <span className="pending-comments__count">{totalDocs}</span>{' '}
      {totalDocs === 1 ? 'comment' : 'comments'} awaiting moderation
    </a>
  )
}
