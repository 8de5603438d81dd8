import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { approvedOnLivePostsOrModerator } from '@/access/approvedOnLivePostsOrModerator'
import { canModerate, canModerateField } from '@/access/canModerate'
import { serverOwnedField } from '@/access/serverOwnedField'
import { importKeyField } from '@/fields/importKey'
import { shortText } from '@/lib/format'
import { COMMENT_LIMITS, nameFieldError, websiteFieldError } from '@/lib/schemas/comment'

import { notifyModerators } from './hooks/notifyModerators'
import { revalidateComment, revalidateDeletedComment } from './hooks/revalidateComment'
import { screenNewComment } from './hooks/screenNewComment'
import { staffReply } from './hooks/staffReply'
import { stampStatusChange } from './hooks/stampStatusChange'

const privateField = { read: canModerateField, create: serverOwnedField, update: serverOwnedField }

/**
 * Readers' replies under posts. Anyone may submit (every path is screened in a hook); nothing is
 * public until approved; the commenter's email, IP hash, user agent and the signals that explain
 * a status are visible to moderators and admins only.
 */
export const Comments: CollectionConfig = {
  slug: 'comments',
  admin: {
    useAsTitle: 'excerpt',
    defaultColumns: ['excerpt', 'authorName', 'post', 'status', 'signals', 'createdAt'],
    group: 'Comments',
    listSearchableFields: ['body', 'authorName', 'authorEmail'],
    description: 'Select comments to approve, mark as spam or move to trash several at once.',
    components: { beforeListTable: ['/components/admin/BulkModeration.client#BulkModeration'] },
  },
  defaultSort: '-createdAt',
  access: {
    read: approvedOnLivePostsOrModerator,
    create: anyone,
    update: canModerate,
    delete: canModerate,
  },
  hooks: {
    // Staff replies are placed, public comments screened; then any status change is stamped.
    beforeChange: [staffReply, screenNewComment, stampStatusChange],
    afterChange: [revalidateComment, notifyModerators],
    afterDelete: [revalidateDeletedComment],
  },
  fields: [
    {
      // Stored (not virtual) so the dashboard can use it as each comment's title.
      name: 'excerpt',
      type: 'text',
      access: { create: serverOwnedField, update: serverOwnedField },
      admin: { hidden: true },
      hooks: {
        beforeChange: [
          ({ siblingData, value }) => {
            // An update that leaves the body alone (a status, the retention task) keeps it.
            if (siblingData.body === undefined) return value
            return shortText(String(siblingData.body ?? ''), 80)
          },
        ],
      },
    },
    {
      type: 'row',
      fields: [
        // Not `required` here so a staff reply may take its post from the comment it answers;
        // the screening hook makes sure every comment has one.
        // Set when the comment is written and never moved: a thread re-pointed at itself or at
        // a reply of its own would be a loop.
        {
          name: 'post',
          type: 'relationship',
          relationTo: 'posts',
          index: true,
          access: { update: serverOwnedField },
        },
        {
          name: 'parent',
          type: 'relationship',
          relationTo: 'comments',
          index: true,
          access: { update: serverOwnedField },
          admin: { description: 'The comment this replies to.' },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      options: [
        { label: 'Pending', value: 'pending' },
        { label: 'Approved', value: 'approved' },
        { label: 'Spam', value: 'spam' },
        { label: 'Trash', value: 'trash' },
      ],
      // Public readers only ever get approved comments, so the status tells them nothing; hiding
      // it keeps the answer to a submission from saying whether it was held, spam or dropped.
      access: { read: canModerateField, create: canModerateField, update: canModerateField },
      admin: { position: 'sidebar' },
    },
    {
      // Set by a hook on every status change: spam and trash are emptied by this date.
      name: 'statusChangedAt',
      type: 'date',
      index: true,
      // Like the status itself: when a comment was approved would tell that it had been held.
      access: privateField,
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'authorName',
      type: 'text',
      maxLength: COMMENT_LIMITS.nameMax,
      label: 'Name',
      validate: (value: string | null | undefined) => nameFieldError(value) ?? true,
      admin: { description: 'Leave empty on a staff reply to sign it as the clinic.' },
    },
    {
      name: 'authorEmail',
      type: 'email',
      label: 'Email (never published)',
      index: true,
      access: { read: canModerateField, update: serverOwnedField },
      admin: { condition: (data) => Boolean(data?.id) },
    },
    {
      name: 'authorWebsite',
      type: 'text',
      label: 'Website',
      maxLength: COMMENT_LIMITS.websiteMax,
      // Checked on every save, a moderator's edit too: the page links it.
      validate: (value: string | null | undefined) => websiteFieldError(value) ?? true,
    },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      maxLength: COMMENT_LIMITS.bodyMax,
      label: 'Comment',
    },
    {
      name: 'isStaffReply',
      type: 'checkbox',
      label: 'Reply by staff',
      access: { create: serverOwnedField, update: serverOwnedField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'threadDepth',
      type: 'number',
      defaultValue: 1,
      access: { create: serverOwnedField, update: serverOwnedField },
      admin: { hidden: true },
    },
    {
      name: 'submittedAt',
      type: 'date',
      access: { create: serverOwnedField, update: serverOwnedField },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'signals',
      type: 'text',
      hasMany: true,
      access: privateField,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Why the comment has its status.',
        components: { Cell: '/components/admin/SignalsCell#SignalsCell' },
      },
    },
    {
      name: 'ipHash',
      type: 'text',
      label: 'IP hash',
      index: true,
      access: privateField,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      // Which browser sent it (a hash of its signed returning-commenter cookie), to recognise a
      // returning commenter. Nobody reads it through any API.
      name: 'commenterKey',
      type: 'text',
      index: true,
      access: { read: serverOwnedField, create: serverOwnedField, update: serverOwnedField },
      admin: { hidden: true },
    },
    {
      // How the text reads (see lib/comments/text), to find the same comment posted again.
      name: 'bodyFingerprint',
      type: 'text',
      index: true,
      access: { read: serverOwnedField, create: serverOwnedField, update: serverOwnedField },
      admin: { hidden: true },
    },
    {
      name: 'userAgent',
      type: 'text',
      access: privateField,
      admin: { position: 'sidebar', readOnly: true },
    },
    // Sent with a submission, never stored: the form's time token and the bot trap.
    {
      name: 'formToken',
      type: 'text',
      virtual: true,
      access: { read: serverOwnedField },
      admin: { hidden: true },
    },
    {
      name: 'homepage',
      type: 'text',
      virtual: true,
      access: { read: serverOwnedField },
      admin: { hidden: true },
    },
    importKeyField,
  ],
}
