import type { CollectionConfig } from 'payload'

import { adminOrSelf } from '@/access/adminOrSelf'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isStaffMember } from '@/access/isStaff'

import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { rememberSignIn, throttleSignIn } from './hooks/throttleSignIn'

/** Staff accounts. Readers never sign in, and nothing here is ever public. */
export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles'],
    group: 'Admin',
  },
  auth: {
    // No account lockout: anyone could lock staff out, and its message tells who has an
    // account. Attempts are limited by address and account instead (throttleSignIn).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
  },
  access: {
    admin: ({ req: { user } }) => isStaffMember(user),
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [throttleSignIn],
    beforeChange: [firstUserIsAdmin],
    afterLogin: [rememberSignIn],
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      saveToJWT: true,
      defaultValue: ['editor'],
      options: [
        { label: 'Admin', value: 'admin' },
        { label: 'Editor', value: 'editor' },
        { label: 'Moderator', value: 'moderator' },
      ],
      // Only admins grant roles; an editor editing their own account cannot promote themselves.
      access: { create: isAdminField, update: isAdminField },
      admin: {
        description: 'Admins manage everything; editors write content; moderators moderate.',
      },
    },
  ],
}
