import type { CommentNode } from './threads'

export type ThreadOrder = 'oldest' | 'newest'
export type PagingSettings = { threadsPerPage: number; threadOrder: ThreadOrder }

/**
 * Comments under a post come in pages of top-level threads, each with all its replies, as
 * WordPress pages them: a busy post's page stays small, and a reply is always on its thread's
 * page. Page 1 is the post's own address; page n > 1 lives at `/posts/<slug>/comments/<n>`.
 */
export type CommentPage = {
  threads: CommentNode[]
  page: number
  totalPages: number
}

/** The threads in reading order: replies stay oldest first inside each thread. */
const ordered = (threads: CommentNode[], order: ThreadOrder) =>
  order === 'newest' ? [...threads].reverse() : threads

export const commentPageCount = (threads: CommentNode[], { threadsPerPage }: PagingSettings) =>
  Math.max(1, Math.ceil(threads.length / threadsPerPage))

/** Page `page` of the threads, or null past the last page (page 1 always exists). */
export const commentPage = (
  threads: CommentNode[],
  settings: PagingSettings,
  page: number,
): CommentPage | null => {
  const totalPages = commentPageCount(threads, settings)
  if (page < 1 || page > totalPages) return null
  const start = (page - 1) * settings.threadsPerPage
  return {
    threads: ordered(threads, settings.threadOrder).slice(start, start + settings.threadsPerPage),
    page,
    totalPages,
  }
}

const holds = (node: CommentNode, id: string): boolean =>
  node.id === id || node.replies.some((reply) => holds(reply, id))

/** The page whose threads hold the comment, or null when it is not among them. */
export const pageOfComment = (
  threads: CommentNode[],
  settings: PagingSettings,
  id: string,
): number | null => {
  const index = ordered(threads, settings.threadOrder).findIndex((thread) => holds(thread, id))
  return index < 0 ? null : Math.floor(index / settings.threadsPerPage) + 1
}

/** Where page n of a post's comments lives. */
export const commentPageHref = (slug: string, page: number): string =>
  page <= 1 ? `/posts/${slug}` : `/posts/${slug}/comments/${page}`
