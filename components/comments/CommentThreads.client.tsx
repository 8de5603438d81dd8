'use client'

import { useEffect, useRef, useState } from 'react'

import { threadsHandedOff } from '@/lib/comments/threadHandoff'

import { CommentList } from './CommentList'
import { COMMENTS_SHOWN, scrollToNamedComment, threadsMarkupFrom } from './threadsMarkup'

type Props = {
  /** Where the server component left this page's threads (lib/comments/threadHandoff.ts). */
  handoff: string
  /** This page of comments' own address, to load the markup from after a client-side visit. */
  src: string
}

// Always the same object, so React never finds it changed and never rewrites the markup.
const KEEP_SERVER_MARKUP = { __html: '' }

/**
 * One page of comment threads, sent once: as HTML. On the server it prints the threads it was
 * handed; in the browser it keeps that markup untouched (an element with inner HTML is not
 * hydrated child by child), so no comment is repeated in the page's hydration data. After a
 * client-side visit there is no server markup to keep: it loads the page's HTML and takes the
 * threads from it.
 */
export const CommentThreads = ({ handoff, src }: Props) => {
  const ref = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<'shown' | 'loading' | 'failed'>('shown')

  useEffect(() => {
    const element = ref.current
    if (!element || element.childElementCount > 0) return
    let current = true
    // Loading starts now, in the browser, on a visit that brought no markup.
    setState('loading')
    threadsMarkupFrom(src)
      .then((markup) => {
        if (!current) return
        element.innerHTML = markup
        setState('shown')
        scrollToNamedComment()
        window.dispatchEvent(new Event(COMMENTS_SHOWN))
      })
      .catch(() => current && setState('failed'))
    return () => {
      current = false
    }
  }, [src])

  if (typeof window === 'undefined') {
    const held = threadsHandedOff(handoff)
    return (
      <div id="comment-threads">
        {held && <CommentList comments={held.threads} maxDepth={held.maxDepth} />}
      </div>
    )
  }
  return (
    <>
      <div
        id="comment-threads"
        ref={ref}
        aria-busy={state === 'loading' || undefined}
        dangerouslySetInnerHTML={KEEP_SERVER_MARKUP}
        suppressHydrationWarning
      />
      {state === 'failed' && (
        <p className="comments__closed">
          The comments did not load. <a href={src}>Show them</a>
        </p>
      )}
    </>
  )
}
