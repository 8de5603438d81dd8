import type { SanitizedConfig } from 'payload'

import { isStaff } from '@/access/isStaff'
import { ownLockOrAdmin } from '@/access/ownLockOrAdmin'

import { lockInOwnName } from './hooks/lockInOwnName'

/**
 * Payload adds its editing-lock collection itself, open to any signed-in user for everything,
 * and offers no option to change that, so its rules are set on the built config: staff see
 * every lock (to know who is editing), make and take locks in their own name only, and remove
 * only their own (admins any). The dashboard's own locking writes through the database adapter
 * and is not affected.
 */
export const limitDocumentLocks = async (
  built: Promise<SanitizedConfig>,
): Promise<SanitizedConfig> => {
  const config = await built
  const locks = config.collections.find((c) => c.slug === 'payload-locked-documents')
  if (!locks) return config
  locks.access = {
    ...locks.access,
    read: isStaff,
    create: isStaff,
    update: isStaff,
    delete: ownLockOrAdmin,
  }
  // A new array: Payload's defaults share theirs between collections.
  locks.hooks = {
    ...locks.hooks,
    beforeChange: [...(locks.hooks.beforeChange ?? []), lockInOwnName],
  }
  return config
}
