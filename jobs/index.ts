import type { JobsConfig, PayloadRequest } from 'payload'

import { mayAdminister } from '@/access/isAdmin'

import { emptySpamAndTrash } from './emptySpamAndTrash'
import { expireAtPublication } from './expireAtPublication'
import { forgetCommenterDetails } from './forgetCommenterDetails'
import { sendModerationDigests } from './sendModerationDigests'
import { writeScheduledBackup } from './writeScheduledBackup'

const adminOnly = ({ req }: { req: PayloadRequest }) => mayAdminister(req.user)

/**
 * Payload's jobs queue: scheduled publish and unpublish (Posts' schedulePublish), showing
 * future-dated posts on time, and the scheduled comment tasks (moderation digests, retention,
 * emptying spam and trash, backups), which the runner queues itself from their `schedule`. The app server
 * runs queued jobs every minute; with several app instances, set JOBS_AUTORUN=false on them and
 * run `npm run worker` (scripts/serve.mjs --worker) once.
 */
export const jobs: JobsConfig = {
  tasks: [
    expireAtPublication,
    sendModerationDigests,
    forgetCommenterDetails,
    emptySpamAndTrash,
    writeScheduledBackup,
  ],
  autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }],
  shouldAutoRun: () => process.env.JOBS_AUTORUN !== 'false',
  // Only admins may run, queue or cancel jobs over the API (the default is any signed-in user).
  access: { run: adminOnly, queue: adminOnly, cancel: adminOnly },
  deleteJobOnComplete: true,
}
