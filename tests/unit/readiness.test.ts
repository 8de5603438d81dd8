import type { Payload } from 'payload'

import { readinessEndpoint } from '@/lib/api/health'
import { checkReadiness, pendingMigrations } from '@/lib/server/readiness'
import { migrations } from '@/migrations/sqlite'
import { shutdownState } from '@/scripts/shutdown.mjs'

/** Readiness against a stand-in Payload: each check fails on its own, and says no more. */
const committed = migrations.map((m) => ({ name: m.name }))
const fakePayload = ({
  recorded = committed,
  find,
  crons = [{ isStopped: () => false }],
  db = { name: 'sqlite', idType: 'number' },
}: {
  recorded?: { name: string }[]
  find?: () => Promise<unknown>
  crons?: { isStopped: () => boolean }[]
  db?: { name: string; idType?: string }
} = {}) => {
  const logged: unknown[] = []
  const payload = {
    db,
    crons,
    find: find ?? (async () => ({ docs: recorded })),
    logger: { error: (e: unknown) => logged.push(e) },
  } as unknown as Payload
  return { payload, logged }
}

afterEach(() => {
  shutdownState().shuttingDown = false
  delete process.env.JOBS_AUTORUN
})

it('names the committed migrations the database has not recorded', () => {
  expect(pendingMigrations(['a', 'b', 'c'], ['a', 'c', 'old'])).toEqual(['b'])
  expect(pendingMigrations(['a'], ['a'])).toEqual([])
})

it('is ready when the database answers, every migration is applied and the runner is scheduled', async () => {
  const { payload } = fakePayload()
  expect(await checkReadiness(payload)).toEqual({
    ready: true,
    checks: { shutdown: 'ok', database: 'ok', migrations: 'ok', jobs: 'ok' },
  })
})

it('is not ready with a migration missing', async () => {
  const { payload, logged } = fakePayload({ recorded: committed.slice(0, -1) })
  const { ready, checks } = await checkReadiness(payload)
  expect(ready).toBe(false)
  expect(checks.migrations).toBe('failed')
  expect(String(logged[0])).toContain(committed.at(-1)!.name)
})

it('skips the migrations on MongoDB and the uuid lane, and the jobs where another runs them', async () => {
  process.env.JOBS_AUTORUN = 'false'
  for (const db of [{ name: 'mongoose' }, { name: 'sqlite', idType: 'uuid' }]) {
    const { payload } = fakePayload({ db, recorded: [], crons: [] })
    expect(await checkReadiness(payload)).toEqual({
      ready: true,
      checks: { shutdown: 'ok', database: 'ok', migrations: 'skipped', jobs: 'skipped' },
    })
  }
})

it('is not ready when the jobs runner was stopped', async () => {
  const { payload } = fakePayload({ crons: [{ isStopped: () => true }] })
  expect((await checkReadiness(payload)).checks.jobs).toBe('failed')
})

it('answers 503 naming the database, never the error, when the database fails', async () => {
  const secret = 'SQLITE_CANTOPEN: /srv/data/inkwell.db'
  const { payload, logged } = fakePayload({ find: () => Promise.reject(new Error(secret)) })
  const res = (await readinessEndpoint.handler({ payload } as never)) as Response
  expect(res.status).toBe(503)
  expect(res.headers.get('cache-control')).toBe('no-store')
  const text = await res.text()
  expect(JSON.parse(text)).toEqual({
    status: 'unavailable',
    checks: { shutdown: 'ok', database: 'failed', migrations: 'failed', jobs: 'ok' },
  })
  expect(text).not.toContain('inkwell.db')
  expect(logged).toHaveLength(1)
})

it('answers 503 while the server is shutting down', async () => {
  shutdownState().shuttingDown = true
  const { payload } = fakePayload()
  const res = (await readinessEndpoint.handler({ payload } as never)) as Response
  expect(res.status).toBe(503)
  expect(((await res.json()) as { checks: { shutdown: string } }).checks.shutdown).toBe('failed')
})
