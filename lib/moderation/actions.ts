import type { CommentStatus, ModerationTab } from './tabs'

/** What a moderator can do to a comment from the queue, besides replying. */
export type QueueAction =
  'approve' | 'unapprove' | 'spam' | 'notSpam' | 'trash' | 'restore' | 'delete'

/** The status each action sets; deleting removes the comment instead. */
export const TARGET_STATUS: Record<Exclude<QueueAction, 'delete'>, CommentStatus> = {
  approve: 'approved',
  unapprove: 'pending',
  spam: 'spam',
  // Back to the queue, as WordPress's "Not Spam" and "Restore" do for a held comment.
  notSpam: 'pending',
  trash: 'trash',
  restore: 'pending',
}

export const ACTION_LABELS: Record<QueueAction, string> = {
  approve: 'Approve',
  unapprove: 'Unapprove',
  spam: 'Spam',
  notSpam: 'Not spam',
  trash: 'Trash',
  restore: 'Restore',
  delete: 'Delete permanently',
}

const DONE: Record<QueueAction, string> = {
  approve: 'approved',
  unapprove: 'sent back to pending',
  spam: 'marked as spam',
  notSpam: 'sent back to pending',
  trash: 'moved to the trash',
  restore: 'restored to pending',
  delete: 'deleted permanently',
}

/** "2 comments marked as spam." */
export const doneMessage = (action: QueueAction, count: number): string =>
  `${count === 1 ? 'Comment' : `${count} comments`} ${DONE[action]}.`

/** The buttons a comment in a given status offers, in WordPress's order. */
export const actionsFor = (status: CommentStatus): QueueAction[] => {
  switch (status) {
    case 'pending':
      return ['approve', 'spam', 'trash']
    case 'approved':
      return ['unapprove', 'spam', 'trash']
    case 'spam':
      return ['notSpam', 'delete']
    case 'trash':
      return ['restore', 'delete']
  }
}

/** The bulk buttons of a tab: its comments' actions; All mixes pending and approved. */
export const bulkActionsFor = (tab: ModerationTab): QueueAction[] =>
  tab === 'all' ? ['approve', 'unapprove', 'spam', 'trash'] : actionsFor(tab)

/** Staff answer comments that readers see or may soon see, never spam or trash. */
export const canReplyTo = (status: CommentStatus): boolean =>
  status === 'pending' || status === 'approved'

/**
 * WordPress's comment shortcuts: a approve, u unapprove, s spam, t or d trash, z restore (from
 * the trash or spam), r reply. Null when the key means nothing for a comment in this status.
 */
export const shortcutFor = (key: string, status: CommentStatus): QueueAction | 'reply' | null => {
  switch (key) {
    case 'a':
      return status === 'approved' ? null : 'approve'
    case 'u':
      return status === 'approved' ? 'unapprove' : null
    case 's':
      return status === 'spam' ? null : 'spam'
    case 't':
    case 'd':
      return status === 'trash' ? null : 'trash'
    case 'z':
      return status === 'trash' ? 'restore' : status === 'spam' ? 'notSpam' : null
    case 'r':
      return canReplyTo(status) ? 'reply' : null
    default:
      return null
  }
}

/** Typing in a field (a reply, the search box) must never trigger a shortcut. */
export const isTypingTarget = (target: EventTarget | null): boolean => {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false
  const el = target as HTMLElement
  return (
    el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    el.closest?.('[contenteditable="true"]') != null
  )
}
