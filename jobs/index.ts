import type { JobsConfig, PayloadRequest } from 'payload'

import { checkRole } from '@/access/checkRole'

import { expireAtPublication } from './expireAtPublication'

const adminOnly = ({ req }: { req: PayloadRequest }) => checkRole(['admin'], req.user)

/**
 * Payload's jobs queue: scheduled publish and unpublish (Posts' schedulePublish) and showing
 * future-dated posts on time. The app server runs queued jobs every minute; with several app
 * instances, set JOBS_AUTORUN=false on them and run `npm run worker` once.
 */
export const jobs: JobsConfig = {
  tasks: [expireAtPublication],
  autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }],
  shouldAutoRun: () => process.env.JOBS_AUTORUN !== 'false',
  // Only admins may run, queue or cancel jobs over the API (the default is any signed-in user).
  access: { run: adminOnly, queue: adminOnly, cancel: adminOnly },
  deleteJobOnComplete: true,
}
