import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { sql } from '@payloadcms/db-sqlite'
import type { Migration, Payload } from 'payload'

import { type TestServer, startServer, testEnv } from '../support/server'

/**
 * The move to the redirects plugin on a database that already has redirects: each old text
 * target becomes a custom address, unchanged, and readers are still sent there with a 301.
 * (SQLite only: MongoDB has no schema to migrate.)
 */
const sqliteOnly = process.env.TEST_MONGODB_URI ? describe.skip : describe

let dir: string
let payload: Payload
let server: TestServer | undefined

const OLD_ROWS = [
  { from: '/2018/03/old-stretching', to: '/posts/stretching-basics' },
  { from: '/partners', to: 'https://partner.example/physio?ref=inkwell' },
]

beforeAll(async () => {
  if (process.env.TEST_MONGODB_URI) return
  dir = await mkdtemp(path.join(tmpdir(), 'inkwell-test-'))
  Object.assign(process.env, testEnv(dir, false))
  const { getPayload } = await import('payload')
  const config = await (await import('@/payload.config')).default
  const { migrations } = await import('@/migrations/sqlite')
  const all = migrations as unknown as Migration[]
  // Without onInit, which would run every migration: this database stops just before the
  // redirects plugin's migration.
  const plugin = all.findIndex((m) => m.name.endsWith('_redirects_plugin'))
  if (plugin < 1) throw new Error('no redirects_plugin migration')
  payload = await getPayload({ config: { ...config, onInit: async () => {} } })
  await payload.db.migrate({ migrations: all.slice(0, plugin) })
  const db = (payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } })
    .drizzle
  const now = new Date().toISOString()
  for (const row of OLD_ROWS) {
    // The old schema's one text column, as the last release wrote it.
    await db.run(
      sql`INSERT INTO redirects ("from", "to", updated_at, created_at) VALUES (${row.from}, ${row.to}, ${now}, ${now})`,
    )
  }
  await payload.db.migrate({ migrations: all })
}, 180_000)

afterAll(async () => {
  await server?.stop()
  await payload?.destroy()
  if (dir) await rm(dir, { recursive: true, force: true })
})

sqliteOnly('migrating redirects to the plugin', () => {
  it('turns every old target into a custom address, losing nothing', async () => {
    const { docs } = await payload.find({
      collection: 'redirects',
      sort: 'from',
      depth: 0,
      overrideAccess: false,
    })
    expect(docs.map((d) => ({ from: d.from, to: d.to }))).toEqual(
      [...OLD_ROWS]
        .sort((a, b) => a.from.localeCompare(b.from))
        .map((row) => ({
          from: row.from,
          to: { type: 'custom', url: row.to },
        })),
    )
  })

  it('still sends readers there with a 301', async () => {
    server = await startServer({ shareDatabaseOf: { dir, env: testEnv(dir, false) } })
    for (const row of OLD_ROWS) {
      const res = await fetch(`${server.url}${row.from}`, { redirect: 'manual' })
      const location = new URL(res.headers.get('location') ?? '', server.url).href
      expect([res.status, location]).toEqual([301, new URL(row.to, server.url).href])
    }
  })
})
