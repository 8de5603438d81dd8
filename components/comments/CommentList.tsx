import type { CommentNode } from '@/lib/comments/threads'

import { PostDate } from '../PostDate'

type Props = { comments: CommentNode[]; maxDepth: number }

/**
 * One approved comment, its Reply link and, nested, its replies. The markup is lean on purpose:
 * a busy page prints hundreds of these, so the styles reach the body, the Reply link and the
 * list of replies through the structure (.comment > article > p, .comment > ol) instead of a
 * class on each, and the slot a reply form opens in is made by the form when a reader asks.
 */
const CommentItem = ({ comment, maxDepth }: { comment: CommentNode; maxDepth: number }) => (
  <li className="comment" id={`comment-${comment.id}`}>
    <article>
      <header>
        <b>
          {comment.website ? (
            <a href={comment.website} rel="nofollow ugc noopener">
              {comment.name}
            </a>
          ) : (
            comment.name
          )}
        </b>
        {comment.isStaff && <span className="badge">Staff</span>}
        <a href={`#comment-${comment.id}`}>
          <PostDate iso={comment.postedAt} />
        </a>
      </header>
      <p>{comment.body}</p>
      {comment.depth < maxDepth && (
        <a href={`#reply-to-${comment.id}`} aria-label={`Reply to ${comment.name}`}>
          Reply
        </a>
      )}
    </article>
    {comment.replies.length > 0 && (
      <ol>
        {comment.replies.map((reply) => (
          <CommentItem key={reply.id} comment={reply} maxDepth={maxDepth} />
        ))}
      </ol>
    )}
  </li>
)

/** Approved comments, threaded and indented up to the depth limit. */
export const CommentList = ({ comments, maxDepth }: Props) =>
  comments.length === 0 ? null : (
    <ol className="comment-list">
      {comments.map((comment) => (
        <CommentItem key={comment.id} comment={comment} maxDepth={maxDepth} />
      ))}
    </ol>
  )
