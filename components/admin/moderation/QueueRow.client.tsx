'use client'

import { useEffect, useRef, useState } from 'react'

import type { QueueRow as Row } from '@/lib/data/moderation'
import { ACTION_LABELS, type QueueAction, actionsFor, canReplyTo } from '@/lib/moderation/actions'

type Props = {
  row: Row
  selected: boolean
  checked: boolean
  busy: boolean
  replying: boolean
  onSelect: () => void
  onCheck: (checked: boolean) => void
  onAction: (action: QueueAction) => void
  onReply: (open: boolean) => void
  onSendReply: (text: string) => Promise<boolean>
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** One comment in the queue with everything needed to decide on it, and its quick actions. */
export const QueueRow = (props: Props) => {
  const { row, selected, checked, busy, replying } = props
  const ref = useRef<HTMLTableRowElement>(null)
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: 'nearest' })
  }, [selected])

  return (
    <>
      <tr
        ref={ref}
        id={`queue-comment-${row.id}`}
        className={`moderation-row moderation-row--${row.status}${selected ? ' moderation-row--selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={props.onSelect}
      >
        <td className="moderation-row__check">
          <input
            type="checkbox"
            aria-label={`Select the comment by ${row.authorName}`}
            checked={checked}
            onChange={(e) => props.onCheck(e.target.checked)}
          />
        </td>
        <td className="moderation-row__author">
          <strong>{row.authorName}</strong>
          {row.isStaffReply && <span className="moderation-pill">Staff</span>}
          {row.authorWebsite && (
            <a href={row.authorWebsite} rel="nofollow noopener noreferrer" target="_blank">
              {row.authorWebsite.replace(/^https?:\/\//, '')}
            </a>
          )}
          {row.authorEmail && <a href={`mailto:${row.authorEmail}`}>{row.authorEmail}</a>}
          <span className="moderation-row__history">
            {row.earlierApproved > 0
              ? `${plural(row.earlierApproved, 'approved comment')} before`
              : 'No approved comment before'}
          </span>
        </td>
        <td className="moderation-row__comment">
          {row.replyTo && (
            <p className="moderation-row__meta">In reply to {row.replyTo.authorName}</p>
          )}
          <p className="moderation-row__body">{row.body}</p>
          {row.signals.length > 0 && (
            <p className="moderation-row__meta">Why: {row.signals.join(' · ')}</p>
          )}
          <div className="moderation-row__actions" role="group" aria-label="Quick actions">
            {actionsFor(row.status).map((action) => (
              <button
                key={action}
                type="button"
                className={`moderation-action moderation-action--${action}`}
                disabled={busy}
                onClick={(e) => {
                  e.stopPropagation()
                  props.onAction(action)
                }}
              >
                {ACTION_LABELS[action]}
              </button>
            ))}
            {canReplyTo(row.status) && (
              <button
                type="button"
                className="moderation-action"
                disabled={busy}
                aria-expanded={replying}
                onClick={(e) => {
                  e.stopPropagation()
                  props.onReply(!replying)
                }}
              >
                Reply
              </button>
            )}
            <a href={row.editUrl}>Edit</a>
            {row.viewUrl && (
              <a href={row.viewUrl} target="_blank" rel="noopener">
                View on page
              </a>
            )}
          </div>
        </td>
        <td className="moderation-row__post">
          {row.post ? row.post.title : '—'}
          {row.post && !row.post.live && <span className="moderation-pill">Not live</span>}
        </td>
        <td className="moderation-row__date">{row.postedLabel}</td>
      </tr>
      {replying && <ReplyBox {...props} />}
    </>
  )
}

/** The reply form under a row; a pending comment is approved along with the reply. */
const ReplyBox = ({ row, busy, onReply, onSendReply }: Props) => {
  const [text, setText] = useState('')
  const id = `reply-${row.id}`
  return (
    <tr className="moderation-reply">
      <td />
      <td colSpan={4}>
        <form
          onSubmit={async (e) => {
            e.preventDefault()
            if (await onSendReply(text)) setText('')
          }}
        >
          <label htmlFor={id}>Reply to {row.authorName}</label>
          <textarea
            id={id}
            rows={4}
            value={text}
            autoFocus
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') onReply(false)
            }}
          />
          <div className="moderation-reply__buttons">
            <button
              type="submit"
              className="btn btn--style-primary btn--size-small"
              disabled={busy || !text.trim()}
            >
              {row.status === 'pending' ? 'Approve and Reply' : 'Reply'}
            </button>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              onClick={() => onReply(false)}
            >
              Cancel
            </button>
          </div>
        </form>
      </td>
    </tr>
  )
}
