import type { CommentSubmission } from '@/lib/schemas/comment'

import { refuse } from './refusals'

/** The trap field is hidden from people: whatever fills it is a bot, told no more than that. */
export const checkHoneypot = ({ homepage }: Pick<CommentSubmission, 'homepage'>): void => {
  if (homepage) throw refuse('Your comment could not be posted.', 400)
}
