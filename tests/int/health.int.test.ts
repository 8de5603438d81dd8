import type { Payload } from 'payload'

import { type TestServer, localPayload, startServer } from '../support/server'

/**
 * The health checks over HTTP on the production server and the jobs worker: alive and ready
 * answer at once, are never cached, tell the public nothing, and readiness notices a missing
 * migration (SQLite with numeric ids only: the uuid lane and MongoDB have no migrations).
 */
let server: TestServer
let worker: TestServer | undefined
let payload: Payload

beforeAll(async () => {
  server = await startServer({ seed: false, readyPath: '/api/health' })
  payload = await localPayload(server)
}, 180_000)

afterAll(async () => {
  await payload?.destroy()
  await worker?.stop()
  await server?.stop()
})

const migrating = !process.env.TEST_MONGODB_URI && process.env.TEST_ID_TYPE !== 'uuid'

it('answers alive with 200, never cached', async () => {
  const res = await fetch(`${server.url}/api/health`)
  expect(res.status).toBe(200)
  expect(res.headers.get('cache-control')).toBe('no-store')
  expect(await res.json()).toEqual({ status: 'ok' })
})

it('answers ready with its checks, never cached', async () => {
  const res = await fetch(`${server.url}/api/health/ready`)
  expect(res.headers.get('cache-control')).toBe('no-store')
  expect(await res.json()).toEqual({
    status: 'ready',
    checks: {
      shutdown: 'ok',
      database: 'ok',
      migrations: migrating ? 'ok' : 'skipped',
      jobs: 'ok',
    },
  })
  expect(res.status).toBe(200)
})

it('answers a probe with a query string the same way', async () => {
  const res = await fetch(`${server.url}/api/health/ready?probe=1`)
  expect(res.status).toBe(200)
  expect(res.headers.get('cache-control')).toBe('no-store')
})

;(migrating ? it : it.skip)(
  'answers 503 naming the migrations while one is not applied',
  async () => {
    const last = await payload.find({
      collection: 'payload-migrations',
      sort: '-name',
      limit: 1,
      depth: 0,
    })
    const doc = last.docs[0]!
    await payload.delete({ collection: 'payload-migrations', id: doc.id })
    try {
      const res = await fetch(`${server.url}/api/health/ready`)
      const text = await res.text()
      expect(res.status).toBe(503)
      expect(JSON.parse(text)).toMatchObject({
        status: 'unavailable',
        checks: { database: 'ok', migrations: 'failed' },
      })
      // Which check, not which migration, nor where the database lives.
      expect(text).not.toContain(String(doc.name))
      expect(text).not.toContain(server.dir)
    } finally {
      await payload.create({
        collection: 'payload-migrations',
        data: { name: doc.name, batch: doc.batch },
      })
    }
    expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200)
  },
)

it('is answered by the jobs worker, whose runner is scheduled, and nothing else is', async () => {
  worker = await startServer({
    shareDatabaseOf: server,
    args: ['--worker'],
    readyPath: '/api/health',
  })
  const ready = await fetch(`${worker.url}/api/health/ready`)
  expect(ready.status).toBe(200)
  expect(await ready.json()).toMatchObject({ status: 'ready', checks: { jobs: 'ok' } })
  expect((await fetch(`${worker.url}/api/health/ready/`)).status).toBe(404)
  expect((await fetch(`${worker.url}/api/posts`)).status).toBe(404)
})
