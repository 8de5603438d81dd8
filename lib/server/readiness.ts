import type { Payload } from 'payload'

import { migrations } from '@/migrations/sqlite'

import { usesMigrations } from './database'
import { isShuttingDown } from './shutdown'

export type CheckResult = 'ok' | 'failed' | 'skipped'
export type Readiness = {
  ready: boolean
  checks: {
    shutdown: CheckResult
    database: CheckResult
    migrations: CheckResult
    jobs: CheckResult
  }
}

/** A load balancer asks every few seconds: a database that does not answer in this is down. */
const QUERY_TIMEOUT_MS = 3000

const withTimeout = <T>(work: Promise<T>): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timed out')), QUERY_TIMEOUT_MS).unref(),
    ),
  ])

/** Names of committed migrations the database has not recorded as applied. */
export const pendingMigrations = (committed: string[], recorded: string[]): string[] => {
  const applied = new Set(recorded)
  return committed.filter((name) => !applied.has(name))
}

/** Whether this process runs the jobs queue (JOBS_AUTORUN is on unless set to false). */
export const runsJobs = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.JOBS_AUTORUN !== 'false'

/** The jobs runner is scheduled: Payload made its cron, and nothing stopped it. */
const jobsCheck = (payload: Payload): CheckResult => {
  if (!runsJobs()) return 'skipped'
  const crons = payload.crons
  return crons.length > 0 && crons.every((cron) => !cron.isStopped()) ? 'ok' : 'failed'
}

/**
 * Whether this process should get traffic: not shutting down, the database answers a trivial
 * query (the migrations table, which every adapter has), SQLite has every committed migration
 * (the uuid lane and MongoDB take their schema elsewhere), and the jobs runner is scheduled when
 * this process runs jobs. Failures are logged here and only named in the answer.
 */
export const checkReadiness = async (payload: Payload): Promise<Readiness> => {
  const checks: Readiness['checks'] = {
    shutdown: isShuttingDown() ? 'failed' : 'ok',
    database: 'ok',
    migrations: usesMigrations(payload) ? 'ok' : 'skipped',
    jobs: jobsCheck(payload),
  }
  try {
    const recorded = await withTimeout(
      payload.find({
        collection: 'payload-migrations',
        pagination: false,
        depth: 0,
        overrideAccess: true,
      }),
    )
    if (checks.migrations === 'ok') {
      const committed = migrations.map((m) => m.name)
      const names = recorded.docs.map((doc) => String(doc.name))
      const pending = pendingMigrations(committed, names)
      if (pending.length) {
        checks.migrations = 'failed'
        payload.logger.error(`Readiness: migrations not applied: ${pending.join(', ')}`)
      }
    }
  } catch (error) {
    checks.database = 'failed'
    if (checks.migrations === 'ok') checks.migrations = 'failed'
    payload.logger.error({ err: error, msg: 'Readiness: the database did not answer.' })
  }
  return { ready: Object.values(checks).every((c) => c !== 'failed'), checks }
}
