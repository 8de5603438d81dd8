import { createHash } from 'node:crypto'

import { type CommentPage, commentPageHref } from '@/lib/comments/pages'
import { type HandedThreads, handOffThreads } from '@/lib/comments/threadHandoff'

import { CommentThreads as PrintedThreads } from './CommentThreads.client'

type Props = { slug: string; page: CommentPage; maxDepth: number }

/** Changes whenever anything printed in the threads changes. */
const versionOf = (threads: HandedThreads) =>
  createHash('sha256').update(JSON.stringify(threads)).digest('base64url').slice(0, 22)

/**
 * This page's threads, handed to the client component by their version rather than as props, so
 * the comments reach the reader once (see lib/comments/threadHandoff.ts).
 */
export const CommentThreads = ({ slug, page, maxDepth }: Props) => {
  if (page.threads.length === 0) return null
  const threads = { threads: page.threads, maxDepth }
  const version = handOffThreads(versionOf(threads), threads)
  return <PrintedThreads version={version} src={commentPageHref(slug, page.page)} />
}
