'use client'

import { toast, useConfig, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

const ACTIONS = [
  { status: 'approved', label: 'Approve', done: 'approved' },
  { status: 'spam', label: 'Mark as spam', done: 'marked as spam' },
  { status: 'trash', label: 'Move to trash', done: 'moved to trash' },
] as const

/**
 * One-click moderation for the comments selected in the dashboard list: approve, spam or
 * trash them all in one request, with the same access rules as any other update.
 */
export const BulkModeration = () => {
  const { count, getQueryParams } = useSelection()
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  if (count === 0) return null

  const apply = async (status: string, done: string) => {
    setBusy(true)
    try {
      const res = await fetch(
        `${config.serverURL}${config.routes.api}/comments${getQueryParams()}`,
        {
          method: 'PATCH',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ status }),
        },
      )
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      toast.success(`${count} ${count === 1 ? 'comment' : 'comments'} ${done}.`)
      router.refresh()
    } catch {
      toast.error('The comments could not be updated. Please try again.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="bulk-moderation" role="group" aria-label="Moderate the selected comments">
      <span>{`${count} selected:`}</span>
      {ACTIONS.map(({ status, label, done }) => (
        <button
          key={status}
          type="button"
          className="btn btn--style-secondary btn--size-small"
          disabled={busy}
          onClick={() => apply(status, done)}
        >
          {label}
        </button>
      ))}
    </div>
  )
}
