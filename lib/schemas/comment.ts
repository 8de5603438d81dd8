import { z } from 'zod'

import { COMMENT_LIMITS } from './commentLimits'

export { COMMENT_LIMITS }

const id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,40}$/, 'That reply target is not valid.')

/**
 * One schema for the "Leave a Reply" form and the action behind it. Messages are written for
 * the person filling the form; field names match the form's input names.
 */
export const commentSchema = z.object({
  postId: id,
  parentId: z.preprocess((v) => (v === '' || v == null ? undefined : v), id.optional()),
  name: z
    .string({ error: 'Please enter your name.' })
    .trim()
    .min(1, 'Please enter your name.')
    .max(
      COMMENT_LIMITS.nameMax,
      `Please keep your name under ${COMMENT_LIMITS.nameMax} characters.`,
    )
    .refine((v) => !/[<>]/.test(v), 'Your name cannot contain < or >.'),
  email: z
    .string({ error: 'Please enter your email address.' })
    .trim()
    .min(1, 'Please enter your email address.')
    .max(COMMENT_LIMITS.emailMax, 'That email address is too long.')
    .pipe(z.email('Please enter a valid email address, like name@example.com.')),
  website: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .max(COMMENT_LIMITS.websiteMax, 'That website address is too long.')
      .pipe(
        z.url({
          protocol: /^https?$/,
          error: 'Please enter a website starting with http:// or https://.',
        }),
      )
      .optional(),
  ),
  body: z
    .string({ error: 'Please write a comment.' })
    .trim()
    .min(COMMENT_LIMITS.bodyMin, 'Please write a comment of at least 2 characters.')
    .max(
      COMMENT_LIMITS.bodyMax,
      `Please keep your comment under ${COMMENT_LIMITS.bodyMax} characters.`,
    ),
  /** Signed when the page was rendered; proves a person took a moment to write. */
  token: z
    .string({ error: 'The form expired. Please reload the page.' })
    .min(1, 'The form expired. Please reload the page.'),
  /** The honeypot: hidden from people, filled by bots. */
  homepage: z.string().optional(),
})

export type CommentInput = z.infer<typeof commentSchema>
export type CommentField = keyof CommentInput

/** Field errors by field name, first message each, as the form shows them. */
export const fieldErrorsOf = (error: z.ZodError): Partial<Record<CommentField, string>> => {
  const out: Partial<Record<CommentField, string>> = {}
  for (const issue of error.issues) {
    const key = issue.path[0] as CommentField | undefined
    if (key && !out[key]) out[key] = issue.message
  }
  return out
}
