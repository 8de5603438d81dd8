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
      label: 'Trust returning commenters',
      type: 'checkbox',
      defaultValue: true,
      admin: {
        description:
          'Approve at once a returning commenter: the same browser and email as an earlier approved comment. (An email alone proves nothing: anyone can type it.)',
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
    {
      type: 'row',
      fields: [
        {
          name: 'threadsPerPage',
          type: 'number',
          defaultValue: 50,
          min: 1,
          max: 500,
          required: true,
          admin: {
            description:
              'Top-level comments per page under a post; each keeps its replies with it. More go on further pages.',
          },
        },
        {
          name: 'threadOrder',
          type: 'select',
          defaultValue: 'oldest',
          required: true,
          options: [
            { label: 'Oldest first', value: 'oldest' },
            { label: 'Newest first', value: 'newest' },
          ],
          admin: {
            description: 'Which threads the first page shows. Replies always read oldest first.',
          },
        },
      ],
    },
    {
      name: 'pendingCeiling',
      label: 'Quiet hold after this many waiting comments',
      type: 'number',
      defaultValue: 100,
      min: 1,
      required: true,
      admin: {
        description:
          'When this many comments wait for moderation (a spam wave), new ones are still kept but no longer emailed to moderators.',
      },
    },
    {
      name: 'moderatorEmailsPerHour',
      label: 'Moderator emails per hour',
      type: 'number',
      defaultValue: 10,
      min: 0,
      required: true,
      admin: {
        description:
          'At most this many digest emails an hour to each moderator (0: none); the dashboard always shows the full queue.',
      },
    },
    {
      name: 'digestIntervalMinutes',
      label: 'Minutes between moderation digests',
      type: 'number',
      defaultValue: 60,
      min: 1,
      max: 1440,
      required: true,
      admin: {
        description:
          'The first held comment after a quiet spell is emailed at once; later ones are gathered into one email per moderator at most this often.',
      },
    },
    {
      name: 'commenterDetailsDays',
      label: 'Keep IP hash and browser for (days)',
      type: 'number',
      defaultValue: 90,
      min: 1,
      required: true,
      admin: {
        description: "After this many days a comment's IP hash and user agent are removed.",
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'spamDays',
          label: 'Empty spam after (days)',
          type: 'number',
          defaultValue: 30,
          min: 1,
          required: true,
          admin: { description: 'Spam is deleted for good this many days after it was marked.' },
        },
        {
          name: 'trashDays',
          label: 'Empty trash after (days)',
          type: 'number',
          defaultValue: 30,
          min: 1,
          required: true,
          admin: { description: 'Trash is deleted for good this many days after it was moved.' },
        },
      ],
    },
  ],
}
