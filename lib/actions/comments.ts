'use server'

import { headers } from 'next/headers'

import type { CommentContext } from '@/collections/Comments/hooks/screenNewComment'
import { clientIp, userAgentOf } from '@/lib/comments/client'
import { publicRefusalOf } from '@/lib/comments/errors'
import { getCommentFormToken } from '@/lib/data/comments'
import { getPayloadClient } from '@/lib/data/payload'
import { type CommentField, commentSchema, fieldErrorsOf } from '@/lib/schemas/comment'

export type CommentFormState = {
  ok: boolean
  message?: string
  fieldErrors?: Partial<Record<CommentField, string>>
  /** What the commenter just posted, to show under "awaiting moderation". Never the email. */
  submitted?: { name: string; body: string; approved: boolean }
}

const COLLECTION_TO_FIELD: Record<string, CommentField> = {
  authorName: 'name',
  authorEmail: 'email',
  authorWebsite: 'website',
  body: 'body',
  post: 'postId',
  parent: 'parentId',
}

/** Only pages of this site may post: the Origin must name the host the request came to. */
const isSameOrigin = (h: Headers): boolean => {
  const origin = h.get('origin')
  const host = h.get('x-forwarded-host') ?? h.get('host')
  if (!origin || !host) return false
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

/**
 * "Post Comment": the public write behind the Leave a Reply form. Parses with the shared
 * schema, checks the origin, then creates the comment with access rules on; the collection's
 * hook applies every anti-abuse rule, so this path and REST behave the same.
 */
export async function postComment(
  _prev: CommentFormState,
  formData: FormData,
): Promise<CommentFormState> {
  const h = await headers()
  if (!isSameOrigin(h))
    return { ok: false, message: 'This form can only be sent from this website.' }

  const parsed = commentSchema.safeParse({
    postId: formData.get('postId'),
    parentId: formData.get('parentId'),
    name: formData.get('name'),
    email: formData.get('email'),
    website: formData.get('website'),
    body: formData.get('body'),
    token: formData.get('token'),
    homepage: formData.get('homepage') ?? undefined,
  })
  if (!parsed.success) {
    return {
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: fieldErrorsOf(parsed.error),
    }
  }
  const input = parsed.data
  const payload = await getPayloadClient()
  const context: CommentContext = {
    formToken: input.token,
    honeypot: input.homepage,
    clientIp: clientIp(h),
    userAgent: userAgentOf(h),
  }
  // Form values are strings; SQLite ids are numbers, MongoDB's are strings.
  const dbId = (id: string) => (payload.db.defaultIDType === 'number' ? Number(id) : id)
  try {
    const doc = await payload.create({
      collection: 'comments',
      overrideAccess: false,
      depth: 0,
      context,
      // Server-owned required fields (status) are filled by the screening hook, which the
      // generated type cannot know.
      data: {
        post: dbId(input.postId),
        parent: input.parentId ? dbId(input.parentId) : null,
        authorName: input.name,
        authorEmail: input.email,
        authorWebsite: input.website ?? null,
        body: input.body,
      } as never,
    })
    return {
      ok: true,
      submitted: { name: input.name, body: input.body, approved: doc.status === 'approved' },
    }
  } catch (error) {
    const refusal = publicRefusalOf(error)
    if (!refusal) {
      payload.logger.error({ msg: 'Comment could not be saved', err: error })
      return {
        ok: false,
        message: 'Your comment could not be posted just now. Please try again in a minute.',
      }
    }
    const fieldErrors: CommentFormState['fieldErrors'] = {}
    const other: string[] = []
    for (const e of refusal.fieldErrors) {
      const field = COLLECTION_TO_FIELD[e.path]
      if (field) fieldErrors[field] = e.message
      else other.push(e.message)
    }
    if (refusal.fieldErrors.length === 0) return { ok: false, message: refusal.message }
    // Errors on fields the reader cannot see (the form's token) are said in words.
    return {
      ok: false,
      message: other[0] ?? 'Please correct the fields marked below.',
      fieldErrors,
    }
  }
}

/** A fresh time token, fetched when a reader starts writing, so the delay counts from then. */
export async function freshCommentToken(postId: string): Promise<string> {
  const id = commentSchema.shape.postId.safeParse(postId)
  if (!id.success) return ''
  return getCommentFormToken(id.data)
}
