import { freshCommentToken, postComment } from '@/lib/actions/comments'
import { buildThreads, commentCountLabel, type CommentView } from '@/lib/comments/threads'

import { CommentForm } from './CommentForm.client'
import { CommentList } from './CommentList'

type Props = {
  postId: string
  comments: CommentView[]
  maxDepth: number
  formToken: string
  open: boolean
}

/** Comments under a post: the count, the threads, and the Leave a Reply form when open. */
export const CommentSection = ({ postId, comments, maxDepth, formToken, open }: Props) => (
  <section className="comments" aria-labelledby="comments-title">
    <h2 id="comments-title">{commentCountLabel(comments.length)}</h2>
    <CommentList comments={buildThreads(comments, maxDepth)} maxDepth={maxDepth} />
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
