import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canEditContent } from '@/access/canEditContent'
import { importKeyField } from '@/fields/importKey'
import { slugField } from '@/fields/slug'
import { expireOnChange } from '@/hooks/expireOnChange'
import { CacheTags } from '@/lib/cacheTags'

/** Categories and tags share one shape: a title and a slug, public, written by editors. */
export const taxonomyConfig = (slug: 'categories' | 'tags'): CollectionConfig => ({
  slug,
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug'], group: 'Content' },
  access: { read: anyone, create: canEditContent, update: canEditContent, delete: canEditContent },
  hooks: expireOnChange([CacheTags.taxonomy, CacheTags.postLists]),
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 80 },
    slugField('title'),
    ...(slug === 'categories'
      ? [
          {
            name: 'parent',
            type: 'relationship' as const,
            relationTo: 'categories' as const,
            admin: {
              position: 'sidebar' as const,
              description: 'A broader category this one sits under.',
            },
          },
        ]
      : []),
    importKeyField,
  ],
})
