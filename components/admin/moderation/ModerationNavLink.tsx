import type { ServerProps } from 'payload'

import { mayModerate } from '@/access/canModerate'
import { MODERATION_PATH } from '@/lib/moderation/tabs'

/** The moderation queue at the top of the navigation, for the people who may moderate. */
export const ModerationNavLink = ({ user }: ServerProps) => {
  if (!mayModerate(user)) return null
  return (
    <a href={MODERATION_PATH} className="nav__link moderation-nav-link">
      <span className="nav__link-label">Moderation queue</span>
    </a>
  )
}
