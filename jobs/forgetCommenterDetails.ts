import type { TaskConfig } from 'payload'

import { forgetOldCommenterDetails } from '@/lib/comments/retention'

/**
 * IP hashes and user agents are kept no longer than the retention period in Moderation
 * settings. Hourly; each run clears whatever has come due since the last.
 */
export const forgetCommenterDetails: TaskConfig<{
  input: Record<string, never>
  output: { cleared: number }
}> = {
  slug: 'forgetCommenterDetails',
  label: 'Forget old IP hashes and user agents',
  schedule: [{ cron: '0 17 * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const cleared = await forgetOldCommenterDetails(req.payload)
    if (cleared) req.payload.logger.info(`Cleared the IP hash and agent of ${cleared} comments.`)
    return { output: { cleared } }
  },
}
