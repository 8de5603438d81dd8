import { useEffect, useReducer, useState } from 'react'

import { COMMENTS_SHOWN } from './threadsMarkup'

const REPLY_HASH = /^#reply-to-([A-Za-z0-9-]+)$/

/** Which comment the reader is replying to, from the address (#reply-to-ID), kept in sync. */
export const useReplyTarget = (): [string | null, () => void] => {
  const [target, setTarget] = useState<string | null>(null)
  // Comments loaded after a client-side visit may hold the one the address names: render again.
  const [, commentsShown] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    const read = () => setTarget(REPLY_HASH.exec(window.location.hash)?.[1] ?? null)
    read()
    window.addEventListener('hashchange', read)
    window.addEventListener(COMMENTS_SHOWN, commentsShown)
    return () => {
      window.removeEventListener('hashchange', read)
      window.removeEventListener(COMMENTS_SHOWN, commentsShown)
    }
  }, [])
  const cancel = () => {
    history.replaceState(null, '', '#respond')
    setTarget(null)
  }
  return [target, cancel]
}

/**
 * Where the reply form opens: a slot at the end of the comment being answered, made the first
 * time a reader answers it (the comments' markup leaves it out; it is static HTML React does not
 * manage, so adding to it is safe). Null when this page does not show that comment.
 */
export const replySlotFor = (id: string): HTMLElement | null => {
  const existing = document.getElementById(`reply-slot-${id}`)
  if (existing) return existing
  const article = document.getElementById(`comment-${id}`)?.querySelector(':scope > article')
  if (!article) return null
  const slot = document.createElement('div')
  slot.id = `reply-slot-${id}`
  article.append(slot)
  return slot
}
