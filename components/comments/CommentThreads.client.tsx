'use client'

import { useEffect, useRef, useState } from 'react'

import { threadsHandedOff } from '@/lib/comments/threadHandoff'

import { CommentList } from './CommentList'
import { COMMENTS_SHOWN, scrollToNamedComment, threadsMarkupFrom } from './threadsMarkup'

type Props = {
  /** The threads' version, under which the server component handed them over. */
  version: string
  /** This page of comments' own address, to load the markup from after a client-side visit. */
  src: string
}

// Always the same object, so React never finds it changed and never rewrites the markup.
const KEEP_SERVER_MARKUP = { __html: '' }

/**
 * One page of comment threads, sent once: as HTML. On the server it prints the threads it was
 * handed; in the browser it keeps that markup untouched (an element with inner HTML is not
 * hydrated child by child), so no comment is repeated in the page's hydration data. When the
 * browser has no markup for this version (a client-side visit, or the comments changed after the
 * reader's own comment), it loads the page's HTML and takes the threads from it, keeping what it
 * shows until the new markup is in.
 */
export const CommentThreads = ({ version, src }: Props) => {
  const ref = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<'shown' | 'loading' | 'failed'>('shown')

  useEffect(() => {
    const element = ref.current
    if (!element) return
    // Server markup carries its version; markup this component loaded is marked the same way.
    if (element.childElementCount > 0 && element.dataset.version === version) return
    let current = true
    setState('loading')
    threadsMarkupFrom(src, version)
      .then((markup) => {
        if (!current) return
        element.innerHTML = markup
        element.dataset.version = version
        setState('shown')
        scrollToNamedComment()
        window.dispatchEvent(new Event(COMMENTS_SHOWN))
      })
      .catch(() => current && setState('failed'))
    return () => {
      current = false
    }
  }, [src, version])

  if (typeof window === 'undefined') {
    const held = threadsHandedOff(version)
    // Never print an empty list in their place: that page would be cached. A failed render is not.
    if (!held) throw new Error(`Comment threads ${version} were handed over but are gone.`)
    return (
      <div id="comment-threads" data-version={version}>
        <CommentList comments={held.threads} maxDepth={held.maxDepth} />
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
