import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { expireTags, skipRevalidate } from '@/lib/revalidate'

/**
 * For collections whose documents appear inside other pages (authors in bylines, media in
 * posts): any change expires the given tags, so every page that shows the document refreshes.
 */
export const expireOnChange = (tags: string[]) => {
  const afterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
    if (!skipRevalidate(req.context)) await expireTags(req.payload, tags)
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    if (!skipRevalidate(req.context)) await expireTags(req.payload, tags)
    return doc
  }
  return { afterChange: [afterChange], afterDelete: [afterDelete] }
}
