import { type CollectionBeforeChangeHook, Forbidden, type PayloadRequest } from 'payload'

import { storedId } from '@/lib/comments/ids'
import type { PayloadLockedDocument } from '@/payload-types'

type Target = Partial<Pick<PayloadLockedDocument, 'document' | 'globalSlug'>>

/** Whether the user may edit what a lock is on: only then may they hold it. */
const mayEdit = async (req: PayloadRequest, { document, globalSlug }: Target) => {
  if (typeof globalSlug === 'string' && globalSlug) {
    const global = req.payload.config.globals.find((g) => g.slug === globalSlug)
    return Boolean(global && (await global.access.update?.({ req })))
  }
  const collection = req.payload.config.collections.find((c) => c.slug === document?.relationTo)
  const id = storedId(document?.value)
  if (!collection || id == null) return false
  const allowed = await collection.access.update?.({ req, id: id as never })
  if (!allowed) return false
  if (allowed === true) return true
  const { totalDocs } = await req.payload.count({
    collection: collection.slug as 'posts',
    where: { and: [{ id: { equals: id } }, allowed] },
    req,
  })
  return totalDocs > 0
}

/**
 * A lock always names whoever makes or takes it, and only someone who may edit the document or
 * global may lock it. The dashboard's "take over" sends the taker as the lock's user, which
 * stays possible for them; naming anyone else, locking what one cannot edit, or moving a lock
 * to another document is not.
 */
export const lockInOwnName: CollectionBeforeChangeHook<PayloadLockedDocument> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!req.user) throw new Forbidden(req.t)
  const source: Target = (operation === 'update' ? originalDoc : data) ?? {}
  const target = { document: source.document, globalSlug: source.globalSlug }
  if (!(await mayEdit(req, target))) throw new Forbidden(req.t)
  return { ...data, ...target, user: { relationTo: req.user.collection, value: req.user.id } }
}
