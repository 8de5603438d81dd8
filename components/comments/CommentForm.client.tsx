'use client'

import { useActionState, useEffect, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

import type { CommentFormState } from '@/lib/actions/comments'
import { COMMENT_INPUTS as INPUT } from '@/lib/schemas/commentInputs'
import { COMMENT_LIMITS } from '@/lib/schemas/commentLimits'

import { type PostComment, answeringWhenUnreachable } from './answeringWhenUnreachable'
import { CommentFormField } from './CommentFormField'
import { CommentFormStatus } from './CommentFormStatus'
import { replySlotFor, useReplyTarget } from './useReplyTarget'

type Props = {
  postId: string
  token: string
  /** The server actions, passed in by the server component (and by tests). */
  postComment: PostComment
  freshToken: (postId: string) => Promise<string>
}
type Typed = (typeof INPUT)['authorName' | 'authorEmail' | 'authorWebsite' | 'body']
/** What the reader types, by input name (as remembered in the browser between visits). */
type Values = Record<Typed, string>

const REMEMBER_KEY = 'inkwell:commenter'
const empty: Values = { name: '', email: '', website: '', body: '' }
const initialState: CommentFormState = { ok: false }

/**
 * "Leave a Reply". Works as a plain form post without JavaScript; with it, fields keep their
 * values, errors appear next to each field and are announced, focus moves to the first error,
 * the button shows progress, and Reply links open this form under the comment they answer.
 */
export const CommentForm = ({ postId, token: initialToken, postComment, freshToken }: Props) => {
  const [remember, setRemember] = useState(false)
  const [replyTo, cancelReply] = useReplyTarget()
  const tokenRequested = useRef(false)
  const formRef = useRef<HTMLFormElement>(null)
  // The slot under the comment being answered; replyTo is only ever set in the browser.
  const slot = replyTo ? replySlotFor(replyTo) : null

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
  // After a post without JavaScript that was not saved, the page comes back with what the reader
  // wrote in the action's state; it starts the fields off, so nothing they typed is lost.
  const [values, setValues] = useState<Values>(() => ({ ...empty, ...state.kept }))
  // Each token is used once, so that page carries the one the answer brought.
  const [token, setToken] = useState(() => state.nextToken || initialToken)

  useEffect(() => {
    const saved = window.localStorage.getItem(REMEMBER_KEY)
    if (!saved) return
    try {
      const { name = '', email = '', website = '' } = JSON.parse(saved) as Partial<Values>
      // Browser storage exists only after hydration, so it is read here, once.
      // What the reader has typed (or a refused post gave back) wins over what was remembered.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setValues((v) => ({
        ...v,
        name: v.name || name,
        email: v.email || email,
        website: v.website || website,
      }))
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

  const field = (name: Typed) => ({
    name,
    value: values[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    error: state.fieldErrors?.[name],
  })

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
      <CommentFormStatus state={state} />
      <form ref={formRef} action={formAction} onSubmit={onSubmit} onFocus={onFirstFocus} noValidate>
        <p className="comment-form__notes">
          Your email address will not be published. Required fields are marked{' '}
          <span aria-hidden="true">*</span>
        </p>
        <input type="hidden" name={INPUT.post} value={postId} />
        <input type="hidden" name={INPUT.parent} value={replyTo && slot ? replyTo : ''} />
        <input type="hidden" name={INPUT.formToken} value={token} />
        <div className="comment-form__trap" aria-hidden="true">
          <label htmlFor="comment-homepage">Leave this field empty</label>
          <input
            id="comment-homepage"
            name={INPUT.homepage}
            type="text"
            tabIndex={-1}
            autoComplete="off"
          />
        </div>
        <CommentFormField
          {...field(INPUT.body)}
          label="Comment"
          rows={7}
          required
          maxLength={COMMENT_LIMITS.bodyMax}
        />
        <div className="field-row">
          <CommentFormField
            {...field(INPUT.authorName)}
            label="Name"
            type="text"
            autoComplete="name"
            required
            maxLength={COMMENT_LIMITS.nameMax}
          />
          <CommentFormField
            {...field(INPUT.authorEmail)}
            label="Email"
            type="email"
            autoComplete="email"
            required
            maxLength={COMMENT_LIMITS.emailMax}
          />
          <CommentFormField
            {...field(INPUT.authorWebsite)}
            label="Website"
            type="url"
            autoComplete="url"
            maxLength={COMMENT_LIMITS.websiteMax}
          />
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
