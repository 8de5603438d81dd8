import { useEffect, useState } from 'react'

const REPLY_HASH = /^#reply-to-([A-Za-z0-9-]+)$/

/** Which comment the reader is replying to, from the address (#reply-to-ID), kept in sync. */
export const useReplyTarget = (): [string | null, () => void] => {
  const [target, setTarget] = useState<string | null>(null)
  useEffect(() => {
    const read = () => setTarget(REPLY_HASH.exec(window.location.hash)?.[1] ?? null)
    read()
    window.addEventListener('hashchange', read)
    return () => window.removeEventListener('hashchange', read)
  }, [])
  const cancel = () => {
    history.replaceState(null, '', '#respond')
    setTarget(null)
  }
  return [target, cancel]
}
