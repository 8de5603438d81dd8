import { z } from 'zod'

const email = z
  .string({ error: 'Enter the commenter’s email address.' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }).max(254, 'That address is too long.'))

/** A request to download everything stored for one commenter's email. */
export const commenterExportSchema = z.object({ email })

/** A request to erase a commenter: the dashboard sends `confirm: true` only after asking. */
export const commenterEraseSchema = z.object({
  email,
  confirm: z.literal(true, { error: 'Confirm that the commenter’s details should be erased.' }),
})

/** The first message of a failed parse, for a 400 answer. */
export const firstIssue = (error: z.ZodError): string =>
  error.issues[0]?.message ?? 'The request could not be read.'
