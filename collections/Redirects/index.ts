import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canEditContent } from '@/access/canEditContent'
import { importKeyField } from '@/fields/importKey'
import { expireOnChange } from '@/hooks/expireOnChange'
import { CacheTags } from '@/lib/cacheTags'
import { normalizeRedirectPath, parseRedirectTarget, redirectLocation } from '@/lib/redirects'

/**
 * Old addresses sent on to their new pages with a permanent redirect, so links to a previous
 * site (WordPress permalinks) keep working. The importer fills it; staff can add more.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['from', 'to', 'updatedAt'],
    group: 'Admin',
    description: 'Old addresses, sent to their new page with a permanent (301) redirect.',
  },
  access: { read: anyone, create: canEditContent, update: canEditContent, delete: canEditContent },
  hooks: expireOnChange([CacheTags.redirects]),
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 500,
      admin: { description: 'The old path, for example /my-old-post/ (without the domain).' },
      hooks: {
        beforeValidate: [
          ({ value }) => (typeof value === 'string' ? normalizeRedirectPath(value) : value),
        ],
      },
      validate: (value: string | null | undefined) =>
        value && value.startsWith('/') && !value.startsWith('//')
          ? true
          : 'Give a path on this site, starting with /.',
    },
    {
      name: 'to',
      type: 'text',
      required: true,
      maxLength: 500,
      admin: {
        description: 'Where to send readers: a path on this site (/posts/...) or a full address.',
      },
      hooks: {
        // Stored as browsers will read it, so what staff see is where readers go.
        beforeValidate: [
          ({ value }) => (typeof value === 'string' ? (redirectLocation(value) ?? value) : value),
        ],
      },
      validate: (value: string | null | undefined) =>
        value && parseRedirectTarget(value)
          ? true
          : 'Give a path on this site starting with / (like /posts/my-post) or a full https:// address.',
    },
    importKeyField,
  ],
}
