import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canEditContent } from '@/access/canEditContent'
import { expireOnChange } from '@/hooks/expireOnChange'
import { CacheTags } from '@/lib/cacheTags'
import { mediaDir } from '@/lib/paths'
import { importKeyField } from '@/fields/importKey'

/** Images for posts and authors. Alt text is required: every image a reader sees is described. */
export const Media: CollectionConfig = {
  slug: 'media',
  admin: { useAsTitle: 'alt', group: 'Content' },
  access: { read: anyone, create: canEditContent, update: canEditContent, delete: canEditContent },
  hooks: expireOnChange([CacheTags.media, CacheTags.postLists]),
  upload: {
    staticDir: mediaDir(),
    mimeTypes: ['image/*'],
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
      { name: 'wide', width: 1400, withoutEnlargement: true },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 300,
      admin: { description: 'What the image shows, for readers who cannot see it.' },
    },
    { name: 'caption', type: 'text', maxLength: 300 },
    importKeyField,
  ],
}
