import type { TaskConfig } from 'payload'

import { sendDueDigests } from '@/lib/comments/digest'

/**
 * Sends the digests that came due: comments held after a moderator's last digest wait for the
 * interval to be up, and nothing else would send them. Every minute; a run with nothing new
 * waiting sends nothing, and two runners at once send each digest once (see lib/comments/digest).
 */
export const sendModerationDigests: TaskConfig<{
  input: Record<string, never>
  output: { sent: number }
}> = {
  slug: 'sendModerationDigests',
  label: 'Email moderators a digest of held comments',
  schedule: [{ cron: '0 * * * * *', queue: 'default' }],
  handler: async ({ req }) => ({ output: { sent: await sendDueDigests(req.payload) } }),
}
