import type { TaskConfig } from 'payload'

import { emptySpamAndTrash as emptyComments } from '@/lib/comments/retention'

/**
 * Spam and trash are kept a while in case a moderator needs one back, then deleted for good
 * (days in Moderation settings). Hourly; each run deletes whatever has come due since the last.
 */
export const emptySpamAndTrash: TaskConfig<{
  input: Record<string, never>
  output: { deleted: number }
}> = {
  slug: 'emptySpamAndTrash',
  label: 'Empty spam and trash',
  schedule: [{ cron: '0 47 * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const deleted = await emptyComments(req.payload)
    if (deleted) req.payload.logger.info(`Emptied ${deleted} spam or trash comments.`)
    return { output: { deleted } }
  },
}
