import { freshCommentToken, postComment } from '@/lib/actions/comments'
import type { CommentPage, ThreadOrder } from '@/lib/comments/pages'
import { commentCountLabel } from '@/lib/comments/threads'

import { CommentForm } from './CommentForm.client'
import { CommentPagination } from './CommentPagination'
import { CommentThreads } from './CommentThreads'
import { MissingCommentRedirect } from './MissingCommentRedirect.client'

type Props = {
  postId: string
  slug: string
  /** The threads this page shows. */
  page: CommentPage
  /** Approved comments on every page. */
  total: number
  order: ThreadOrder
  maxDepth: number
  formToken: string
  open: boolean
}

/**
 * Comments under a post: the count of all of them, this page's threads with links to the
 * others, and the Leave a Reply form when open (on every page: a reply goes to its thread).
 */
export const CommentSection = (props: Props) => {
  const { postId, slug, page, total, order, maxDepth, formToken, open } = props
  const pagination = (label: string) => (
    <CommentPagination slug={slug} page={page} order={order} label={label} />
  )
  return (
    <section className="comments" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{commentCountLabel(total)}</h2>
      {pagination('Comment pages')}
      <CommentThreads slug={slug} page={page} maxDepth={maxDepth} />
      {page.threads.length > 3 && pagination('Comment pages, after the comments')}
      <MissingCommentRedirect />
      {open ? (
        <CommentForm
          postId={postId}
          token={formToken}
          postComment={postComment}
          freshToken={freshCommentToken}
        />
      ) : (
        <p className="comments__closed">Comments are closed.</p>
      )}
    </section>
  )
}
