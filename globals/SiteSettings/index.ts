import type { GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canEditContent } from '@/access/canEditContent'
import { isAdminField } from '@/access/isAdmin'

import { revalidateSettings } from './hooks/revalidateSettings'

/** Site-wide words: the name, the note under every post and the call to action on every page. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Admin' },
  access: { read: anyone, update: canEditContent },
  hooks: { afterChange: [revalidateSettings] },
  fields: [
    { name: 'siteName', type: 'text', required: true, defaultValue: 'inkwell', maxLength: 80 },
    { name: 'tagline', type: 'text', maxLength: 160 },
    {
      name: 'reviewMaxAgeDays',
      label: 'Medical review is due after (days)',
      type: 'number',
      required: true,
      defaultValue: 365,
      min: 1,
      admin: {
        description:
          'Posts whose last medical review is older than this, or that were never reviewed, are listed on the dashboard.',
      },
    },
    {
      name: 'closingNote',
      type: 'group',
      admin: { description: 'Shown under every post. Leave the text empty to hide it.' },
      fields: [
        { name: 'heading', type: 'text', maxLength: 120 },
        { name: 'body', type: 'textarea', maxLength: 2000 },
      ],
    },
    {
      name: 'callToAction',
      type: 'group',
      admin: { description: 'Shown on every page. Leave the text empty to hide it.' },
      fields: [
        { name: 'text', type: 'text', maxLength: 160 },
        { name: 'linkLabel', type: 'text', maxLength: 60 },
        {
          name: 'linkUrl',
          type: 'text',
          maxLength: 500,
          validate: (value: string | null | undefined) =>
            !value || /^(https?:\/\/|\/|mailto:|tel:)/.test(value)
              ? true
              : 'Use a full address (https://...), a site path (/...), mailto: or tel:.',
        },
      ],
    },
    {
      name: 'backups',
      type: 'group',
      // A backup holds every commenter's details: only admins decide how often and how many.
      access: { read: isAdminField, update: isAdminField },
      admin: {
        description:
          'Scheduled backups of the database and uploads into BACKUP_DIR (default backups/). See the README, Operating it.',
      },
      fields: [
        {
          name: 'intervalHours',
          label: 'Write a backup every (hours, 0 = never)',
          type: 'number',
          required: true,
          defaultValue: 0,
          min: 0,
          max: 24 * 30,
        },
        {
          name: 'keep',
          label: 'Keep the last (backups)',
          type: 'number',
          required: true,
          defaultValue: 7,
          min: 1,
          max: 1000,
        },
      ],
    },
  ],
}
