import type { CommentFormState } from '@/lib/actions/comments'

/**
 * What the last post of the form came to, announced as it changes: the comment shown back with
 * "received" (or "published" for a proven returning commenter), or why it was not taken.
 */
export const CommentFormStatus = ({ state }: { state: CommentFormState }) => (
  <div aria-live="polite" role="status" className="comment-form__status">
    {state.ok && state.submitted && (
      <div className="comment-form__done">
        <p>
          <strong>
            {state.submitted.published
              ? 'Thank you, your comment is published.'
              : 'Thank you, your comment was received. It will appear here once a moderator has approved it.'}
          </strong>
        </p>
        <blockquote className="comment-form__preview">
          <p className="comment-form__preview-name">{state.submitted.name}</p>
          <p className="comment-form__preview-body">{state.submitted.body}</p>
        </blockquote>
      </div>
    )}
    {!state.ok && state.message && <p className="comment-form__error">{state.message}</p>}
  </div>
)
