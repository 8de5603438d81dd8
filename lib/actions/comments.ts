'use server'

import { cookies, headers } from 'next/headers'
import type { RequestContext } from 'payload'

import { clientIp, userAgentOf } from '@/lib/comments/client'
import {
  COMMENTER_COOKIE,
  COMMENTER_COOKIE_MAX_AGE,
  commenterIdOf,
  newCommenterCookie,
} from '@/lib/comments/commenterCookie'
import { commentRefusalFor } from '@/lib/comments/commentablePost'
import { publicRefusalOf } from '@/lib/comments/errors'
import { COMMENT_NOT_SAVED_MESSAGE } from '@/lib/comments/unavailable'
import { storageFailureOf } from '@/lib/server/storageFailure'
import { postOrigin } from '@/lib/formPostGuard'
import { getCommentFormToken } from '@/lib/data/comments'
import { getPayloadClient } from '@/lib/data/payload'
import {
  COMMENT_INPUTS,
  COMMENT_LIMITS,
  type CommentInputName,
  commentFromForm,
  commentSchema,
  inputErrorsOf,
  issuesOf,
} from '@/lib/schemas/comment'

export type CommentFormState = {
  ok: boolean
  message?: string
  /** By the form's input names (see COMMENT_INPUTS). */
  fieldErrors?: Partial<Record<CommentInputName, string>>
  /**
   * What the commenter just posted, to show back to them. Never the email, and never whether it
   * was held or marked spam: only a proven returning commenter hears that it is published.
   */
  submitted?: { name: string; body: string; published: boolean }
  /** A token for the next comment from this form: each is used once. */
  nextToken?: string
  /**
   * What the reader wrote, when it was not saved, so a form posted without JavaScript shows it
   * again (with JavaScript the form keeps its own). Never the email: it is asked for again.
   */
  kept?: Partial<Record<'name' | 'website' | 'body', string>>
}

/** Longer than any comment the rules accept, so a reader told to shorten theirs loses nothing. */
const KEPT_TEXT_LIMIT = COMMENT_LIMITS.bodyMax * 2

/** The text a refused or failed post gives back to its own form. */
const keptOf = (formData: FormData): CommentFormState['kept'] => {
  const text = (name: CommentInputName) => {
    const value = formData.get(name)
    // Bounded: a refusal for length must not echo a megabyte back.
    return typeof value === 'string' ? value.slice(0, KEPT_TEXT_LIMIT) : ''
  }
  return {
    name: text(COMMENT_INPUTS.authorName),
    website: text(COMMENT_INPUTS.authorWebsite),
    body: text(COMMENT_INPUTS.body),
  }
}

/** The signed returning-commenter cookie this browser has, or a new one to give it. */
const commenterCookie = async (secret: string) => {
  const jar = await cookies()
  const existing = jar.get(COMMENTER_COOKIE)?.value
  const existingId = commenterIdOf(secret, existing)
  const value = existingId ? existing! : newCommenterCookie(secret)
  return { id: commenterIdOf(secret, value), isNew: !existingId, value, jar }
}

/** The refusal a reader sees, with errors on fields they can see put next to those fields. */
const refusalState = (error: unknown): CommentFormState | null => {
  const refusal = publicRefusalOf(error)
  if (!refusal) return null
  if (refusal.fieldErrors.length === 0) return { ok: false, message: refusal.message }
  const { byInput, other } = inputErrorsOf(refusal.fieldErrors)
  // Errors on anything that is not one of the form's fields are said in words.
  return {
    ok: false,
    message: other[0] ?? 'Please correct the fields marked below.',
    fieldErrors: byInput,
  }
}

/**
 * "Post Comment": the public write behind the Leave a Reply form. Parses with the shared
 * schema, checks the origin, then creates the comment with access rules on; the collection's
 * hook applies every anti-abuse rule, so this path and REST behave the same. The answer is the
 * same "received" whatever the moderation rules decided, unless the comment is published.
 */
export async function postComment(
  _prev: CommentFormState,
  formData: FormData,
): Promise<CommentFormState> {
  // A server action is a public endpoint: its arguments are whatever a caller sent.
  if (!(formData instanceof FormData)) {
    return { ok: false, message: 'This form could not be read. Please reload the page.' }
  }
  const h = await headers()
  // Only pages of this site may post: the Origin must name the host the request came to.
  if (postOrigin(h) !== 'this-site')
    return { ok: false, message: 'This form can only be sent from this website.' }

  const parsed = commentSchema.safeParse(commentFromForm(formData))
  if (!parsed.success) {
    return {
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: inputErrorsOf(issuesOf(parsed.error)).byInput,
      kept: keptOf(formData),
    }
  }
  const input = parsed.data
  const payload = await getPayloadClient()
  // Nothing is signed for a post readers cannot comment on (a draft, an id that does not exist).
  const tokenIfOpen = async () =>
    (await commentRefusalFor(payload, input.post)) ? undefined : getCommentFormToken(input.post)
  const commenter = await commenterCookie(payload.secret)
  const context: RequestContext = {
    commentForm: {
      clientIp: clientIp(h),
      userAgent: userAgentOf(h),
      commenterId: commenter.id,
    },
  }
  try {
    await payload.create({
      collection: 'comments',
      overrideAccess: false,
      depth: 0,
      context,
      data: {
        ...input,
        parent: input.parent ?? null,
        authorWebsite: input.authorWebsite ?? null,
        // The screening hook decides the status (a visitor's own is dropped by field access);
        // the generated type asks for one.
        status: 'pending',
      },
    })
  } catch (error) {
    const kept = keptOf(formData)
    const refused = refusalState(error)
    if (refused) return { ...refused, kept, nextToken: await tokenIfOpen() }
    const storage = storageFailureOf(error)
    payload.logger.error({ msg: 'Comment could not be saved', storage, err: error })
    return {
      ok: false,
      message: storage
        ? COMMENT_NOT_SAVED_MESSAGE
        : 'Your comment could not be posted just now. Please try again in a minute.',
      kept,
      nextToken: await tokenIfOpen(),
    }
  }
  if (commenter.isNew) {
    commenter.jar.set(COMMENTER_COOKIE, commenter.value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: h.get('x-forwarded-proto') === 'https',
      maxAge: COMMENTER_COOKIE_MAX_AGE,
      path: '/',
    })
  }
  const published = Boolean(context.commentForm?.published)
  const nextToken = await getCommentFormToken(input.post)
  const submitted = { name: input.authorName, body: input.body, published }
  return { ok: true, submitted, nextToken }
}

/**
 * A fresh time token, fetched when a reader starts writing, so the delay counts from then. Only
 * for a post readers can comment on: nothing is signed for a draft, a future post or an id
 * that does not exist.
 */
export async function freshCommentToken(postId: string): Promise<string> {
  const id = commentSchema.shape.post.safeParse(postId)
  if (!id.success) return ''
  if (await commentRefusalFor(await getPayloadClient(), id.data)) return ''
  return getCommentFormToken(id.data)
}
