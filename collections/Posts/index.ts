import type { CollectionConfig } from 'payload'

import { canEditContent } from '@/access/canEditContent'
import { publishedOrStaff } from '@/access/publishedOrStaff'
import { postEditor } from '@/fields/postContent'
import { importKeyField } from '@/fields/importKey'
import { slugField } from '@/fields/slug'
import { previewPath } from '@/lib/preview'
import { absoluteUrl } from '@/lib/site'
import { serverOwnedField } from '@/access/serverOwnedField'

import { deriveFromContent } from './hooks/deriveFromContent'
import { queueFuturePublication } from './hooks/queueFuturePublication'
import {
  rememberLiveState,
  rememberLiveStateBeforeDelete,
  revalidateDeletedPost,
  revalidatePost,
} from './hooks/revalidatePost'
import { setPublishedAt } from './hooks/setPublishedAt'

const serverOwned = { create: serverOwnedField, update: serverOwnedField }

/** Blog posts. Drafts are private to staff; readers see the published version only. */
export const Posts: CollectionConfig = {
  slug: 'posts',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'authors', '_status', 'publishedAt', 'updatedAt'],
    group: 'Content',
    // Preview opens the post as readers would see it, from its latest draft (staff only).
    preview: (doc, { req }) =>
      typeof doc.slug === 'string' && doc.slug ? previewPath(req.payload.secret, doc.slug) : null,
    livePreview: {
      url: ({ data, payload }) =>
        typeof data.slug === 'string' && data.slug
          ? absoluteUrl(previewPath(payload.secret, data.slug))
          : '',
    },
  },
  defaultSort: '-publishedAt',
  // Every list readers see counts the posts the read rule lets through (_status and publishedAt),
  // and the sitemap asks for the newest change (updatedAt, then Payload's createdAt tie-break).
  // This index answers both from the index alone, not by reading every post's row. An index led
  // by _status and publishedAt would serve the lists' order too, but SQLite, which keeps no
  // statistics here, then walks every post for a search's rare word or a small category
  // (tests/int/listPlans.int.test.ts).
  indexes: [{ fields: ['_status', 'updatedAt', 'createdAt', 'publishedAt'] }],
  // Autosave keeps a draft while staff type (live preview reads it); scheduling publishes or
  // unpublishes at a set time through Payload's jobs queue.
  versions: {
    drafts: { autosave: { interval: 1500 }, schedulePublish: true },
    maxPerDoc: 50,
  },
  access: {
    read: publishedOrStaff,
    create: canEditContent,
    update: canEditContent,
    delete: canEditContent,
  },
  hooks: {
    beforeChange: [setPublishedAt, deriveFromContent, rememberLiveState],
    afterChange: [revalidatePost, queueFuturePublication],
    beforeDelete: [rememberLiveStateBeforeDelete],
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
      name: 'reviewedBy',
      label: 'Medically reviewed by',
      type: 'relationship',
      relationTo: 'authors',
      admin: {
        position: 'sidebar',
        description: 'A clinician who checked this post. Shown under the byline.',
      },
    },
    {
      name: 'lastReviewedAt',
      label: 'Last reviewed',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly' } },
    },
    {
      // Plain text of the content, for search. Derived on save; never edited.
      name: 'searchText',
      type: 'textarea',
      admin: { hidden: true },
      access: serverOwned,
    },
    {
      // The words of the title, excerpt and text in search's form (lib/search/words), each once,
      // indexed: search looks a query's words up here instead of reading every post. Derived on
      // save; never edited.
      name: 'searchWords',
      type: 'text',
      hasMany: true,
      index: true,
      admin: { hidden: true },
      access: serverOwned,
    },
    {
      // The same words as one string (" a b c "), for whole-word checks of a query's other words
      // on the posts the index found. Derived on save; never edited.
      name: 'searchWordList',
      type: 'textarea',
      admin: { hidden: true },
      access: serverOwned,
    },
    {
      // The reusable blocks the content inserts that exist. Derived on save.
      name: 'reusableBlocks',
      type: 'relationship',
      relationTo: 'reusable-blocks',
      hasMany: true,
      admin: { hidden: true },
      access: serverOwned,
    },
    importKeyField,
    {
      name: 'commentsOpen',
      type: 'checkbox',
      label: 'Allow comments',
      defaultValue: true,
      admin: { position: 'sidebar' },
    },
  ],
}
