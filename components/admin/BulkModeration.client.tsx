'use client'

import { toast, useConfig, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import type { QueueAction } from '@/lib/moderation/actions'

import { applyToSelection } from './moderation/moderationApi'

// Worded for a bar above the list rather than the queue's one-word row links.
const ACTIONS: { action: QueueAction; label: string; done: string }[] = [
  { action: 'approve', label: 'Approve', done: 'approved' },
  { action: 'spam', label: 'Mark as spam', done: 'marked as spam' },
  { action: 'trash', label: 'Move to trash', done: 'moved to trash' },
]

/**
 * One-click moderation for the comments selected in the dashboard list: approve, spam or trash
 * them all in one request, with the same access rules, calls and messages as the moderation
 * queue's bulk actions.
 */
export const BulkModeration = () => {
  const { count, getQueryParams } = useSelection()
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  if (count === 0) return null

  const apply = async (action: QueueAction, done: string) => {
    setBusy(true)
    try {
      await applyToSelection(`${config.serverURL}${config.routes.api}`, getQueryParams(), action)
      toast.success(`${count} ${count === 1 ? 'comment' : 'comments'} ${done}.`)
      router.refresh()
    } catch (error) {
      toast.error((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="bulk-moderation" role="group" aria-label="Moderate the selected comments">
      <span>{`${count} selected:`}</span>
      {ACTIONS.map(({ action, label, done }) => (
        <button
          key={action}
          type="button"
          className="btn btn--style-secondary btn--size-small"
          disabled={busy}
          onClick={() => apply(action, done)}
        >
          {label}
        </button>
      ))}
    </div>
  )
}
