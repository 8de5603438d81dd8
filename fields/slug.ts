import type { Field, FieldHook } from 'payload'

import { slugify } from '@/lib/slugify'

/**
 * Fills an empty slug from the title, and keeps it unique within the collection by adding
 * "-2", "-3"... A slug typed by staff is normalised but never renamed behind their back: if it
 * clashes, the unique index refuses the save with a message.
 */
const fillSlug =
  (sourceField: string): FieldHook =>
  async ({ value, data, originalDoc, collection, req, operation }) => {
    if (typeof value === 'string' && value.trim() !== '') return slugify(value)
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    if (typeof source !== 'string' || source.trim() === '') return value
    const base = slugify(source) || 'untitled'
    if (!collection) return base
    const ownId = originalDoc?.id ?? data?.id
    for (let n = 1; n < 100; n += 1) {
      const candidate = n === 1 ? base : `${base}-${n}`
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as 'posts',
        where: {
          and: [
            { slug: { equals: candidate } },
            ...(operation === 'update' && ownId != null ? [{ id: { not_equals: ownId } }] : []),
          ],
        },
        req,
      })
      if (totalDocs === 0) return candidate
    }
    return `${base}-${Date.now()}`
  }

/** A unique, indexed, editable slug generated from `sourceField` when left empty. */
export const slugField = (sourceField = 'title'): Field => ({
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  admin: {
    position: 'sidebar',
    description: `Part of the address. Leave empty to generate it from the ${sourceField}.`,
  },
  hooks: { beforeValidate: [fillSlug(sourceField)] },
})
