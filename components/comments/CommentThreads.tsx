import { type CommentPage, commentPageHref } from '@/lib/comments/pages'
import { handOffThreads } from '@/lib/comments/threadHandoff'

import { CommentThreads as PrintedThreads } from './CommentThreads.client'

type Props = { slug: string; page: CommentPage; maxDepth: number }

/**
 * This page's threads, handed to the client component by key rather than as props, so the
 * comments reach the reader once (see lib/comments/threadHandoff.ts). Keyed by the handoff, so a
 * visit to another page of comments starts a fresh element rather than keeping the old markup.
 */
export const CommentThreads = ({ slug, page, maxDepth }: Props) => {
  if (page.threads.length === 0) return null
  const handoff = handOffThreads({ threads: page.threads, maxDepth })
  return <PrintedThreads key={handoff} handoff={handoff} src={commentPageHref(slug, page.page)} />
}
