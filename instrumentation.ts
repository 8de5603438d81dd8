/**
 * Runs once when a Next server starts. Starting Payload here, with its cron, means the jobs
 * queue runner (scheduled publishing, future-dated posts) works from boot, even on an instance
 * that serves no reader request: the worker of a multi-instance setup. JOBS_AUTORUN=false
 * leaves it to another instance; the first request starts Payload as before.
 */
export const register = async (): Promise<void> => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  // Connect to the shared counters before the first reader arrives: a count made while the
  // connection is still opening would be kept in this process alone (lib/server/limits.ts).
  if (process.env.REDIS_URL) (await import('@/lib/server/redis')).sharedRedis()
  if (process.env.JOBS_AUTORUN === 'false') return
  const { getPayloadClient } = await import('@/lib/data/payload')
  await getPayloadClient()
}
