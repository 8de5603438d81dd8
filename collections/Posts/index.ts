import type { CollectionConfig } from 'payload'

import { canEditContent } from '@/access/canEditContent'
import { publishedOrStaff } from '@/access/publishedOrStaff'
import { postEditor } from '@/fields/postContent'
import { slugField } from '@/fields/slug'

import { revalidateDeletedPost, revalidatePost } from './hooks/revalidatePost'
import { setPublishedAt } from './hooks/setPublishedAt'

/** Blog posts. Drafts are private to staff; readers see the published version only. */
export const Posts: CollectionConfig = {
  slug: 'posts',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'authors', '_status', 'publishedAt', 'updatedAt'],
    group: 'Content',
  },
  defaultSort: '-publishedAt',
  versions: { drafts: true, maxPerDoc: 50 },
  access: {
    read: publishedOrStaff,
    create: canEditContent,
    update: canEditContent,
    delete: canEditContent,
  },
  hooks: {
    beforeChange: [setPublishedAt],
    afterChange: [revalidatePost],
    afterDelete: [revalidateDeletedPost],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    {
      name: 'excerpt',
      type: 'textarea',
      maxLength: 400,
      admin: { description: 'One or two sentences shown on the index and in search results.' },
    },
    { name: 'featuredImage', type: 'upload', relationTo: 'media' },
    { name: 'content', type: 'richText', editor: postEditor, required: true },
    slugField('title'),
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set automatically when first published.',
      },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'authors',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'tags',
      type: 'relationship',
      relationTo: 'tags',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'commentsOpen',
      type: 'checkbox',
      label: 'Allow comments',
      defaultValue: true,
      admin: { position: 'sidebar' },
    },
  ],
}
