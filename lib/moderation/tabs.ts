/** The statuses a comment can have, in the order the queue's tabs show them. */
export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]

/** The queue's tabs: one per status, and All, which (as in WordPress) is pending and approved. */
export const MODERATION_TABS = [...COMMENT_STATUSES, 'all'] as const
export type ModerationTab = (typeof MODERATION_TABS)[number]

export const TAB_LABELS: Record<ModerationTab, string> = {
  pending: 'Pending',
  approved: 'Approved',
  spam: 'Spam',
  trash: 'Trash',
  all: 'All',
}

/** The statuses a tab lists. */
export const statusesOf = (tab: ModerationTab): CommentStatus[] =>
  tab === 'all' ? ['pending', 'approved'] : [tab]

/** The tab a query string asks for; anything unknown opens the pending queue. */
export const parseTab = (value: unknown): ModerationTab =>
  (MODERATION_TABS as readonly unknown[]).includes(value) ? (value as ModerationTab) : 'pending'

export const MODERATION_PATH = '/admin/moderation'
