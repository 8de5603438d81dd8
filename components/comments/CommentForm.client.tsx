'use client'

import { useActionState, useEffect, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

import type { CommentFormState } from '@/lib/actions/comments'
import { COMMENTS_UNAVAILABLE_MESSAGE } from '@/lib/comments/unavailable'
import type { CommentField } from '@/lib/schemas/comment'
import { COMMENT_LIMITS } from '@/lib/schemas/commentLimits'

type PostComment = (state: CommentFormState, data: FormData) => Promise<CommentFormState>
type Props = {
  postId: string
  token: string
  /** The server actions, passed in by the server component (and by tests). */
  postComment: PostComment
  freshToken: (postId: string) => Promise<string>
}
type Values = { name: string; email: string; website: string; body: string }

const REMEMBER_KEY = 'inkwell:commenter'
const REPLY_HASH = /^#reply-to-([A-Za-z0-9-]+)$/
const empty: Values = { name: '', email: '', website: '', body: '' }
const initialState: CommentFormState = { ok: false }

/**
 * A post whose request never got an answer from the site (the network failed, or every app
 * instance is down and the edge answered 502-504 with its own page) becomes a message next to
 * the form, instead of an error thrown into the nearest error boundary, which would lose the
 * comment.
 */
const answeringWhenUnreachable =
  (postComment: PostComment): PostComment =>
  async (state, data) => {
    try {
      return await postComment(state, data)
    } catch (error) {
      // Kept in the browser's console: a fault of the page itself would also land here.
      console.error('The comment could not be sent:', error)
      return { ok: false, message: COMMENTS_UNAVAILABLE_MESSAGE }
    }
  }

/** Which comment the reader is replying to, from the address (#reply-to-ID), kept in sync. */
const useReplyTarget = (): [string | null, () => void] => {
  const [target, setTarget] = useState<string | null>(null)
  useEffect(() => {
    const read = () => setTarget(REPLY_HASH.exec(window.location.hash)?.[1] ?? null)
    read()
    window.addEventListener('hashchange', read)
    return () => window.removeEventListener('hashchange', read)
  }, [])
  const cancel = () => {
    history.replaceState(null, '', '#respond')
    setTarget(null)
  }
  return [target, cancel]
}

/**
 * "Leave a Reply". Works as a plain form post without JavaScript; with it, fields keep their
 * values, errors appear next to each field and are announced, focus moves to the first error,
 * the button shows progress, and Reply links open this form under the comment they answer.
 */
export const CommentForm = ({ postId, token: initialToken, postComment, freshToken }: Props) => {
  const [values, setValues] = useState<Values>(empty)
  const [remember, setRemember] = useState(false)
  const [token, setToken] = useState(initialToken)
  const [replyTo, cancelReply] = useReplyTarget()
  const tokenRequested = useRef(false)
  const formRef = useRef<HTMLFormElement>(null)
  // The slot under the comment being answered; replyTo is only ever set in the browser.
  const slot = replyTo ? document.getElementById(`reply-slot-${replyTo}`) : null

  // On the server this must be the server action itself: React writes a server reference's id
  // into the HTML form, and that is what a browser without JavaScript posts. In the browser the
  // form always calls the same dispatch function, which runs whatever action this hook was last
  // given, so there (from hydration on, with no change to the markup) a wrapper can turn a failed
  // request into a message.
  const answering = useMemo(() => answeringWhenUnreachable(postComment), [postComment])
  const [state, formAction, pending] = useActionState(
    typeof window === 'undefined' ? postComment : answering,
    initialState,
  )

  useEffect(() => {
    const saved = window.localStorage.getItem(REMEMBER_KEY)
    if (!saved) return
    try {
      const { name = '', email = '', website = '' } = JSON.parse(saved) as Partial<Values>
      // Browser storage exists only after hydration, so it is read here, once.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setValues((v) => ({ ...v, name, email, website }))
      setRemember(true)
    } catch {
      window.localStorage.removeItem(REMEMBER_KEY)
    }
  }, [])

  useEffect(() => {
    // Each token is used once: the answer to every post carries the next one.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (state.nextToken) setToken(state.nextToken)
    if (state.ok) {
      // A posted comment clears the comment box (name and email stay) and closes the reply.
      setValues((v) => ({ ...v, body: '' }))
      if (window.location.hash.startsWith('#reply-to-')) cancelReply()
      return
    }
    const firstError = Object.keys(state.fieldErrors ?? {})[0]
    if (firstError) formRef.current?.querySelector<HTMLElement>(`[name="${firstError}"]`)?.focus()
    // Runs once per action result; cancelReply is a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state])

  /** The delay before posting counts from when the reader starts writing. */
  const onFirstFocus = () => {
    if (tokenRequested.current) return
    tokenRequested.current = true
    freshToken(postId)
      .then((fresh) => fresh && setToken(fresh))
      .catch(() => undefined) // the token from the page still works
  }

  const onSubmit = () => {
    if (remember) {
      const { name, email, website } = values
      window.localStorage.setItem(REMEMBER_KEY, JSON.stringify({ name, email, website }))
    } else {
      window.localStorage.removeItem(REMEMBER_KEY)
    }
  }

  const set =
    (field: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setValues((v) => ({ ...v, [field]: e.target.value }))
  const error = (field: CommentField) => state.fieldErrors?.[field]
  const describedBy = (field: CommentField, hint?: string) =>
    [hint, error(field) ? `comment-${field}-error` : null].filter(Boolean).join(' ') || undefined

  const form = (
    <section
      id="respond"
      className={replyTo && slot ? 'comment-form comment-form--reply' : 'comment-form'}
      aria-labelledby="reply-title"
    >
      <h2 id="reply-title">
        {replyTo && slot ? 'Leave a Reply to this comment' : 'Leave a Reply'}{' '}
        {replyTo && slot && (
          <button type="button" className="link-button" onClick={cancelReply}>
            Cancel reply
          </button>
        )}
      </h2>
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
              <p className="comment__body">{state.submitted.body}</p>
            </blockquote>
          </div>
        )}
        {!state.ok && state.message && <p className="comment-form__error">{state.message}</p>}
      </div>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} onFocus={onFirstFocus} noValidate>
        <p className="comment-form__notes">
          Your email address will not be published. Required fields are marked{' '}
          <span aria-hidden="true">*</span>
        </p>
        <input type="hidden" name="postId" value={postId} />
        <input type="hidden" name="parentId" value={replyTo && slot ? replyTo : ''} />
        <input type="hidden" name="token" value={token} />
        <div className="comment-form__trap" aria-hidden="true">
          <label htmlFor="comment-homepage">Leave this field empty</label>
          <input
            id="comment-homepage"
            name="homepage"
            type="text"
            tabIndex={-1}
            autoComplete="off"
          />
        </div>
        <p className="field">
          <label htmlFor="comment-body">
            Comment <span aria-hidden="true">*</span>
          </label>
          <textarea
            id="comment-body"
            name="body"
            rows={7}
            required
            maxLength={COMMENT_LIMITS.bodyMax}
            value={values.body}
            onChange={set('body')}
            aria-invalid={error('body') ? true : undefined}
            aria-describedby={describedBy('body')}
          />
          {error('body') && (
            <span id="comment-body-error" className="field__error">
              {error('body')}
            </span>
          )}
        </p>
        <div className="field-row">
          {(
            [
              ['name', 'Name', 'text', 'name', true, COMMENT_LIMITS.nameMax],
              ['email', 'Email', 'email', 'email', true, COMMENT_LIMITS.emailMax],
              ['website', 'Website', 'url', 'url', false, COMMENT_LIMITS.websiteMax],
            ] as const
          ).map(([field, label, type, autoComplete, required, maxLength]) => (
            <p className="field" key={field}>
              <label htmlFor={`comment-${field}`}>
                {label} {required && <span aria-hidden="true">*</span>}
              </label>
              <input
                id={`comment-${field}`}
                name={field}
                type={type}
                autoComplete={autoComplete}
                required={required}
                maxLength={maxLength}
                value={values[field]}
                onChange={set(field)}
                aria-invalid={error(field) ? true : undefined}
                aria-describedby={describedBy(field)}
              />
              {error(field) && (
                <span id={`comment-${field}-error`} className="field__error">
                  {error(field)}
                </span>
              )}
            </p>
          ))}
        </div>
        <p className="field field--checkbox">
          <input
            id="comment-remember"
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
          />
          <label htmlFor="comment-remember">
            Save my name, email, and website in this browser for the next time I comment.
          </label>
        </p>
        <p>
          <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
            {pending ? 'Posting…' : 'Post Comment'}
          </button>
        </p>
      </form>
    </section>
  )

  return replyTo && slot ? createPortal(form, slot) : form
}
