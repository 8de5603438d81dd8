import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'

const nobody = () => false

/**
 * One row per moderation digest sent: when each moderator was last emailed, kept in the
 * database because several app instances (and the jobs worker) may send. `claim` is unique and
 * names the digest it follows, so two runners that both saw the same last digest cannot both
 * send the next one: the second insert fails (see lib/comments/digest). Holds no comment data.
 */
export const ModeratorDigests: CollectionConfig = {
  slug: 'moderator-digests',
  admin: { hidden: true },
  // Written by the server only; admins may look, nobody edits through any API.
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    // The user's id as text, not a relationship: a row must not stop an account's deletion.
    { name: 'moderator', type: 'text', required: true, index: true },
    { name: 'claim', type: 'text', required: true, unique: true },
    { name: 'sentAt', type: 'date', required: true, index: true },
    // Comments held up to this moment were in this digest; the next lists only later ones.
    { name: 'coveredUntil', type: 'date', required: true },
    { name: 'comments', type: 'number', required: true, min: 0 },
  ],
}
