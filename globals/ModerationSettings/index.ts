import type { GlobalConfig } from 'payload'

import { canModerate } from '@/access/canModerate'
import { isAdmin } from '@/access/isAdmin'

import { revalidateSettings } from '../SiteSettings/hooks/revalidateSettings'

/**
 * How comments are screened. Admins edit it; moderators may read it to understand a signal.
 * Never public: the word lists would tell spammers what to avoid.
 */
export const ModerationSettings: GlobalConfig = {
  slug: 'moderation-settings',
  label: 'Moderation settings',
  admin: { group: 'Comments' },
  access: { read: canModerate, update: isAdmin },
  // The thread depth shapes every post page, which carries the settings tag.
  hooks: { afterChange: [revalidateSettings] },
  fields: [
    {
      name: 'disallowedWords',
      type: 'textarea',
      admin: {
        description: 'One word or phrase per line. A comment containing one is marked spam.',
      },
    },
    {
      name: 'moderationWords',
      type: 'textarea',
      admin: { description: 'One per line. A comment containing one waits for a moderator.' },
    },
    {
      name: 'maxLinks',
      type: 'number',
      defaultValue: 2,
      min: 0,
      required: true,
      admin: { description: 'Comments with more links than this wait for a moderator.' },
    },
    {
      name: 'trustApprovedCommenters',
      type: 'checkbox',
      defaultValue: true,
      admin: {
        description: 'Approve at once comments from an email that already has an approved comment.',
      },
    },
    {
      name: 'closeAfterDays',
      type: 'number',
      defaultValue: 0,
      min: 0,
      required: true,
      admin: { description: 'Close comments on posts older than this many days (0: never).' },
    },
    {
      name: 'maxThreadDepth',
      type: 'number',
      defaultValue: 3,
      min: 1,
      max: 10,
      required: true,
      admin: { description: 'How deep replies may nest (1: no replies to replies).' },
    },
  ],
}
