import type { Field } from 'payload'

import { isStaffField } from '@/access/isStaff'
import { serverOwnedField } from '@/access/serverOwnedField'

/**
 * Where a document came from in an import ("wordpress:post:7"), so running the import again
 * updates it instead of making a copy. Set only by importers; staff can see it.
 */
export const importKeyField: Field = {
  name: 'importKey',
  type: 'text',
  index: true,
  access: { read: isStaffField, create: serverOwnedField, update: serverOwnedField },
  admin: {
    position: 'sidebar',
    readOnly: true,
    condition: (data) => Boolean(data?.importKey),
    description: 'Imported from another site; a new import of it updates this document.',
  },
}
