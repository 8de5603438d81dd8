'use client'

import { toast, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState, useTransition } from 'react'

import type { ModerationCounts, ModerationQueue as Queue } from '@/lib/data/moderation'
import {
  ACTION_LABELS,
  type QueueAction,
  bulkActionsFor,
  doneMessage,
  isTypingTarget,
  shortcutFor,
} from '@/lib/moderation/actions'
import {
  MODERATION_PATH,
  MODERATION_TABS,
  type ModerationTab,
  TAB_LABELS,
} from '@/lib/moderation/tabs'

import { applyAction, sendReply } from './moderationApi'
import { QueueRow } from './QueueRow.client'

type Props = { tab: ModerationTab; counts: ModerationCounts; queue: Queue }

const tabUrl = (tab: ModerationTab, page = 1) =>
  `${MODERATION_PATH}?status=${tab}${page > 1 ? `&page=${page}` : ''}`

/**
 * The queue's interactive part: status tabs, rows with quick actions, bulk actions, the reply
 * box and WordPress's keyboard shortcuts. Every change goes through the REST API, then the
 * server view is refreshed in place, so rows and counts come from the database again.
 */
export const ModerationQueue = ({ tab, counts, queue }: Props) => {
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const router = useRouter()
  const [refreshing, startRefresh] = useTransition()
  const [sending, setSending] = useState(false)
  const [selected, setSelected] = useState(0)
  const [checked, setChecked] = useState<string[]>([])
  const [replyingTo, setReplyingTo] = useState<string | null>(null)
  const { rows } = queue
  const busy = sending || refreshing

  // Rows leave the tab once decided on: the selection stays at its place, on the row that took
  // the decided one's, and ticks on rows that have gone are forgotten.
  const current = Math.min(selected, Math.max(rows.length - 1, 0))
  const ticked = checked.filter((id) => rows.some((r) => r.id === id))

  const run = useCallback(
    async (ids: string[], action: QueueAction) => {
      if (ids.length === 0) return
      setSending(true)
      try {
        await applyAction(api, ids, action)
        toast.success(doneMessage(action, ids.length))
        startRefresh(() => router.refresh())
      } catch (error) {
        toast.error((error as Error).message)
      } finally {
        setSending(false)
      }
    },
    [api, router],
  )

  const reply = async (row: Queue['rows'][number], text: string): Promise<boolean> => {
    setSending(true)
    try {
      await sendReply(api, row.ref, text)
      if (row.status === 'pending') await applyAction(api, [row.id], 'approve')
      toast.success(
        row.status === 'pending' ? 'Comment approved and reply posted.' : 'Reply posted.',
      )
      setReplyingTo(null)
      startRefresh(() => router.refresh())
      return true
    } catch (error) {
      toast.error((error as Error).message)
      return false
    } finally {
      setSending(false)
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return
      if (e.key === 'j' || e.key === 'k') {
        const step = e.key === 'j' ? 1 : -1
        setSelected(Math.min(Math.max(current + step, 0), Math.max(rows.length - 1, 0)))
        return
      }
      const row = rows[current]
      if (!row || busy) return
      const action = shortcutFor(e.key, row.status)
      if (!action) return
      e.preventDefault()
      if (action === 'reply') setReplyingTo(row.id)
      else void run([row.id], action)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [rows, current, busy, run])

  const bulkActions = bulkActionsFor(tab)
  const allChecked = rows.length > 0 && ticked.length === rows.length

  return (
    <div className="moderation-queue" aria-busy={busy}>
      <nav className="moderation-tabs" aria-label="Comments by status">
        {MODERATION_TABS.map((t) => (
          <Link
            key={t}
            href={tabUrl(t)}
            className={`moderation-tabs__tab${t === tab ? ' moderation-tabs__tab--current' : ''}`}
            aria-current={t === tab ? 'page' : undefined}
            onClick={() => setSelected(0)}
          >
            {TAB_LABELS[t]} <span className="moderation-tabs__count">({counts[t]})</span>
          </Link>
        ))}
      </nav>
      <p className="moderation-keys">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>a</kbd> approve, <kbd>u</kbd> unapprove,{' '}
        <kbd>s</kbd> spam, <kbd>t</kbd> trash, <kbd>z</kbd> restore, <kbd>r</kbd> reply.
      </p>
      {ticked.length > 0 && (
        <div className="moderation-bulk" role="group" aria-label="Moderate the selected comments">
          <span>{`${ticked.length} selected:`}</span>
          {bulkActions.map((action) => (
            <button
              key={action}
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={busy}
              onClick={() => run(ticked, action)}
            >
              {ACTION_LABELS[action]}
            </button>
          ))}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="moderation-empty">No comments here.</p>
      ) : (
        <div className="table moderation-table">
          <table>
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label="Select all comments on this page"
                    checked={allChecked}
                    onChange={(e) => setChecked(e.target.checked ? rows.map((r) => r.id) : [])}
                  />
                </th>
                <th>Author</th>
                <th>Comment</th>
                <th>In response to</th>
                <th>Submitted on</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <QueueRow
                  key={row.id}
                  row={row}
                  selected={i === current}
                  checked={ticked.includes(row.id)}
                  busy={busy}
                  replying={replyingTo === row.id}
                  onSelect={() => setSelected(i)}
                  onCheck={(on) =>
                    setChecked((ids) => (on ? [...ids, row.id] : ids.filter((id) => id !== row.id)))
                  }
                  onAction={(action) => run([row.id], action)}
                  onReply={(open) => setReplyingTo(open ? row.id : null)}
                  onSendReply={(text) => reply(row, text)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {queue.totalPages > 1 && (
        <nav className="moderation-pages" aria-label="Pages">
          {queue.page > 1 && <Link href={tabUrl(tab, queue.page - 1)}>Newer</Link>}
          <span>{`Page ${queue.page} of ${queue.totalPages}`}</span>
          {queue.page < queue.totalPages && <Link href={tabUrl(tab, queue.page + 1)}>Older</Link>}
        </nav>
      )}
    </div>
  )
}
