import { z } from 'zod'

import { hasHiddenCharacters, hasStackedMarks, normalizeText } from '@/lib/comments/text'
import type { Comment } from '@/payload-types'

import { COMMENT_LIMITS } from './commentLimits'
import { COMMENT_INPUTS, type CommentField, type CommentInputName } from './commentInputs'

export { COMMENT_LIMITS, COMMENT_INPUTS, type CommentField, type CommentInputName }
export { commentFromForm, inputErrorsOf, isCommentField } from './commentInputs'

// SQLite ids are numbers, MongoDB's 24 hex digits, a uuid database's have dashes.
const ID = /^[A-Za-z0-9-]{1,64}$/

/**
 * A post's or comment's id as it came: text from a form, the database's own type from the API.
 * Never made a number (MongoDB's are not). Typed like the generated types' ids, which come from
 * the SQLite schema; the screening hook stores the id the database gives back for it.
 */
const id = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z.custom<Comment['id']>(
    (v) => (typeof v === 'string' || typeof v === 'number') && ID.test(String(v)),
    'That reply target is not valid.',
  ),
)

/** A name as it will show: one line of visible text, no markup, no direction tricks. */
const name = z
  .string({ error: 'Please enter your name.' })
  .trim()
  .max(COMMENT_LIMITS.nameMax, `Please keep your name under ${COMMENT_LIMITS.nameMax} characters.`)
  .refine((v) => normalizeText(v).length > 0, 'Please enter your name.')
  .refine((v) => !/[<>]/.test(v), 'Your name cannot contain < or >.')
  .refine(
    (v) => !hasHiddenCharacters(v),
    'Your name cannot contain line breaks or invisible characters.',
  )
  .refine((v) => !hasStackedMarks(v), 'Your name has too many accents on one letter.')
  .transform((v) => v.normalize('NFC').replace(/\s+/gu, ' '))

const website = z.preprocess(
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
)

const body = z
  .string({ error: 'Please write a comment.' })
  .trim()
  .max(
    COMMENT_LIMITS.bodyMax,
    `Please keep your comment under ${COMMENT_LIMITS.bodyMax} characters.`,
  )
  // Controls (but line breaks and tabs) and noncharacters are nothing a person writes; they
  // only break what shows the comment (a feed's XML).
  .transform((v) => v.replace(/[^\P{Cc}\n\r\t]|[\uFFFE\uFFFF\uFDD0-\uFDEF]|\p{Cs}/gu, ''))
  // Counted as it reads: invisible characters and spaces do not make a comment.
  .refine(
    (v) => normalizeText(v).length >= COMMENT_LIMITS.bodyMin,
    'Please write a comment of at least 2 characters.',
  )

/**
 * One schema for a comment from the public, keyed by the collection's field names: the form's
 * action and the screening hook (every path: the form, REST, GraphQL) parse with it. Messages
 * are written for the person filling the form, whose inputs are named in COMMENT_INPUTS.
 */
export const commentSchema = z.object({
  post: id,
  parent: z.preprocess((v) => (v === '' || v == null ? undefined : v), id.optional()),
  authorName: name,
  authorEmail: z
    .string({ error: 'Please enter your email address.' })
    .trim()
    .min(1, 'Please enter your email address.')
    .max(COMMENT_LIMITS.emailMax, 'That email address is too long.')
    .pipe(z.email('Please enter a valid email address, like name@example.com.')),
  authorWebsite: website,
  body,
  /** Signed when the page was rendered; proves a person took a moment to write. */
  formToken: z
    .string({ error: 'The form expired. Please reload the page.' })
    .min(1, 'The form expired. Please reload the page.'),
  /** The honeypot: hidden from people, filled by bots. */
  homepage: z.string().optional(),
} satisfies Record<CommentField, z.ZodType>)

export type CommentSubmission = z.infer<typeof commentSchema>

/**
 * A reply staff write in the dashboard: the same rules for what readers will see, with the name
 * optional (it defaults to the clinic's) and no email or form token.
 */
export const staffReplySchema = commentSchema.pick({ authorWebsite: true, body: true }).extend({
  authorName: z.preprocess((v) => (v === '' || v == null ? undefined : v), name.optional()),
})

/** A schema's errors as the collection reports them: each field's path, with its first message. */
export const issuesOf = (error: z.ZodError): { path: string; message: string }[] => {
  const seen = new Set<string>()
  return error.issues.flatMap((issue) => {
    const path = String(issue.path[0] ?? '')
    if (seen.has(path)) return []
    seen.add(path)
    return [{ path, message: issue.message }]
  })
}

const firstMessage = (result: { success: boolean; error?: z.ZodError }) =>
  result.success ? null : (result.error?.issues[0]?.message ?? 'This value is not valid.')

/** For the collection's own field check (every save, staff edits too): the name rules. */
export const nameFieldError = (value: string | null | undefined): string | null =>
  value == null || value === '' ? null : firstMessage(name.safeParse(value))

/** For the collection's own field check: a website is empty or an http(s) address. */
export const websiteFieldError = (value: string | null | undefined): string | null =>
  firstMessage(website.safeParse(value ?? undefined))
