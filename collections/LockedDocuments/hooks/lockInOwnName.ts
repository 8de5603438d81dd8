import { type CollectionBeforeChangeHook, Forbidden } from 'payload'

/**
 * A lock always names whoever makes or takes it. The dashboard's "take over" sends the taker as
 * the lock's user, which stays possible; naming anyone else does not.
 */
export const lockInOwnName: CollectionBeforeChangeHook = ({ data, req }) => {
  if (!req.user) throw new Forbidden(req.t)
  return { ...data, user: { relationTo: req.user.collection, value: req.user.id } }
}
