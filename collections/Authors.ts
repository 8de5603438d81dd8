import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canEditContent } from '@/access/canEditContent'
import { isStaffField } from '@/access/isStaff'
import { slugField } from '@/fields/slug'
import { expireOnChange } from '@/hooks/expireOnChange'
import { CacheTags } from '@/lib/cacheTags'
import { importKeyField } from '@/fields/importKey'

/** Public author profiles. Bylines print these names, never a staff login. */
export const Authors: CollectionConfig = {
  slug: 'authors',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'credentials', 'slug'], group: 'Content' },
  access: { read: anyone, create: canEditContent, update: canEditContent, delete: canEditContent },
  hooks: expireOnChange([CacheTags.authors, CacheTags.postLists]),
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    slugField('name'),
    {
      name: 'credentials',
      type: 'text',
      maxLength: 60,
      admin: { description: 'Shown after the name, for example "LMT" or "RN, BSN".' },
    },
    { name: 'bio', type: 'textarea', maxLength: 2000 },
    importKeyField,
    { name: 'photo', type: 'upload', relationTo: 'media' },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      // Which login writes as this author is staff business; the public sees only the profile.
      access: { read: isStaffField },
      admin: { position: 'sidebar', description: 'The staff account that writes as this author.' },
    },
  ],
}
