import type { ServerProps } from 'payload'

import { mayModerate } from '@/access/canModerate'

export const COMMENTER_DATA_PATH = '/admin/commenter-data'

/**
 * The navigation's way to the Commenter data view, for moderators and admins. Payload's nav
 * groups list collections and globals only, so the link follows them, named for its group.
 */
export const CommenterDataLink = ({ user }: ServerProps) => {
  if (!mayModerate(user)) return null
  return (
    <a href={COMMENTER_DATA_PATH} className="nav__link commenter-data-link">
      <span className="nav__link-label">Comments: commenter data</span>
    </a>
  )
}
