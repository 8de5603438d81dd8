import { seoPlugin } from '@payloadcms/plugin-seo'
import type { Field } from 'payload'

import { storedId } from '@/lib/comments/ids'
import { absoluteUrl } from '@/lib/site'
import type { Post } from '@/payload-types'

/** Search engines cut longer titles and descriptions; these were our limits before the plugin. */
const MAX_LENGTH: Record<string, number> = { title: 70, description: 160 }

const withLimits = (field: Field): Field =>
  'name' in field && MAX_LENGTH[field.name]
    ? ({ ...field, maxLength: MAX_LENGTH[field.name] } as Field)
    : field

/**
 * Payload's SEO plugin: the post's `meta` group (title, description, image) with its search
 * preview, length hints and "auto-generate" buttons. The columns are the ones our own group used,
 * so stored values carry over unchanged; empty fields still fall back to the title, excerpt and
 * featured image when the page is rendered.
 */
export const seo = seoPlugin({
  collections: ['posts'],
  uploadsCollection: 'media',
  fields: ({ defaultFields }) => defaultFields.map(withLimits),
  generateTitle: ({ doc }: { doc: Partial<Post> }) => doc.title ?? '',
  generateDescription: ({ doc }: { doc: Partial<Post> }) => doc.excerpt ?? '',
  generateImage: ({ doc }: { doc: Partial<Post> }) => storedId(doc.featuredImage) ?? '',
  generateURL: ({ doc }: { doc: Partial<Post> }) =>
    doc.slug ? absoluteUrl(`/posts/${doc.slug}`) : absoluteUrl('/'),
})
