'use client'

import { useEffect } from 'react'

import { COMMENTS_SHOWN } from './threadsMarkup'

const COMMENT_HASH = /^#comment-([A-Za-z0-9-]{1,64})$/

/**
 * A link to `#comment-<id>` on a post's address (from an email, a feed reader or an older copy
 * of the page) names a comment that may now be on another page of the comments: when this page
 * does not hold it, the comment's own address (/comments/<id>) sends the reader to the page that
 * does. The fragment never reaches the server, so only the browser can do this.
 */
export const MissingCommentRedirect = () => {
  useEffect(() => {
    const check = () => {
      const id = COMMENT_HASH.exec(window.location.hash)?.[1]
      if (!id || document.getElementById(`comment-${id}`)) return
      // After a client-side visit the threads arrive a moment later: ask again once they do.
      if (document.getElementById('comment-threads')?.childElementCount === 0) return
      // Once only: if the page it sends us to lacks the comment too (a copy cached a moment
      // before the comment was approved), the reader stays rather than bouncing between them.
      const sought = `inkwell:sought:${id}`
      if (sessionStorage.getItem(sought)) return sessionStorage.removeItem(sought)
      sessionStorage.setItem(sought, '1')
      window.location.replace(`/comments/${id}`)
    }
    check()
    window.addEventListener('hashchange', check)
    window.addEventListener(COMMENTS_SHOWN, check)
    return () => {
      window.removeEventListener('hashchange', check)
      window.removeEventListener(COMMENTS_SHOWN, check)
    }
  }, [])
  return null
}
