import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canEditContent } from '@/access/canEditContent'
import { blockEditor } from '@/fields/blockContent'
import { expireOnChange } from '@/hooks/expireOnChange'
import { CacheTags } from '@/lib/cacheTags'

import { refuseDeleteWhileUsed } from './hooks/refuseDeleteWhileUsed'
import { importKeyField } from '@/fields/importKey'

/**
 * Text staff write once and insert into posts by reference ("Booking call to action", "Medical
 * disclaimer"): an edit shows in every post that uses it. A block in use cannot be deleted.
 */
export const ReusableBlocks: CollectionConfig = {
  slug: 'reusable-blocks',
  labels: { singular: 'Reusable block', plural: 'Reusable blocks' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'updatedAt'],
    group: 'Content',
    description:
      'Write a passage once and insert it into posts with the "Reusable block" button in the editor. Editing it here changes every post that uses it.',
  },
  access: { read: anyone, create: canEditContent, update: canEditContent, delete: canEditContent },
  hooks: {
    ...expireOnChange([CacheTags.reusableBlocks]),
    beforeDelete: [refuseDeleteWhileUsed],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 120 },
    { name: 'content', type: 'richText', editor: blockEditor, required: true },
    importKeyField,
    {
      name: 'usedIn',
      label: 'Used in',
      type: 'join',
      collection: 'posts',
      on: 'reusableBlocks',
      admin: { description: 'Posts whose content includes this block (drafts too).' },
    },
  ],
}
