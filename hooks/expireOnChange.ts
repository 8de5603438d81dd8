import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { expireTags, skipRevalidate } from '@/lib/server/revalidate'

type Doc = Record<string, unknown>

/**
 * afterChange and afterDelete hooks that expire the cache tags a change touches, as computed
 * from the document now and before (a deleted document counts as both). Seeding and imports
 * switch them off through `context.disableRevalidate`.
 */
export const expireTagsFor = <T extends Doc>(tagsFor: (doc: T, previous: T | null) => string[]) => {
  const expire = async (req: Parameters<CollectionAfterChangeHook>[0]['req'], tags: string[]) => {
    if (tags.length && !skipRevalidate(req.context)) await expireTags(req.payload, tags)
  }
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
    await expire(req, tagsFor(doc as T, (previousDoc as T) ?? null))
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    await expire(req, tagsFor(doc as T, doc as T))
    return doc
  }
  return { afterChange, afterDelete }
}

/**
 * For collections whose documents appear inside other pages (authors in bylines, media in
 * posts): any change expires the given tags, so every page that shows the document refreshes.
 */
export const expireOnChange = (tags: string[]) => {
  const { afterChange, afterDelete } = expireTagsFor(() => tags)
  return { afterChange: [afterChange], afterDelete: [afterDelete] }
}
