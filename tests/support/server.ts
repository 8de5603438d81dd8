import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { ChildProcess } from 'node:child_process'

import type { Payload } from 'payload'

import { freePort } from './ports'
import { spawnGroup } from './processes'

export const TEST_SECRET = 'inkwell-test-secret-0123456789abcdef'

/** Staff accounts the test servers seed (production mode seeds none unless given). */
export const TEST_STAFF = {
  admin: { email: 'admin@inkwell.test', password: 'test-admin-pass' },
  editor: { email: 'editor@inkwell.test', password: 'test-editor-pass' },
  moderator: { email: 'moderator@inkwell.test', password: 'test-moderator-pass' },
} as const

export type TestServer = {
  url: string
  env: Record<string, string>
  dir: string
  logs: () => string
  stop: () => Promise<void>
  /** Kills the server at once (SIGKILL), as a crash would; its database stays. */
  kill: () => Promise<void>
  /** The server's process, for a test that signals it itself and reads how it exited. */
  child: ChildProcess
}

/**
 * The database for one test file: a temp SQLite file, or, when TEST_MONGODB_URI names a MongoDB
 * server (mongodb://host:27017), a fresh database on it, so the same suite runs on both.
 */
const testDatabaseUri = (dir: string): string => {
  const mongo = process.env.TEST_MONGODB_URI
  if (!mongo) return `file:${path.join(dir, 'inkwell.db')}`
  return `${mongo.replace(/\/+$/, '')}/inkwell_test_${path.basename(dir).replace(/\W/g, '_')}`
}

/**
 * TEST_ID_TYPE=uuid runs a suite on SQLite with uuid string ids (the string-id lane), so code that
 * only works with numeric ids fails as it would on MongoDB.
 */
const testIdType = (): string => process.env.TEST_ID_TYPE ?? 'number'

/** The environment a test server and its test's own Payload share: one temp database. */
export const testEnv = (dir: string, seed: boolean): Record<string, string> => ({
  DATABASE_URI: testDatabaseUri(dir),
  DATABASE_ID_TYPE: testIdType(),
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: TEST_SECRET,
  SEED_DEMO: seed ? 'true' : 'false',
  SEED_ADMIN_EMAIL: TEST_STAFF.admin.email,
  SEED_ADMIN_PASSWORD: TEST_STAFF.admin.password,
  SEED_EDITOR_EMAIL: TEST_STAFF.editor.email,
  SEED_EDITOR_PASSWORD: TEST_STAFF.editor.password,
  SEED_MODERATOR_EMAIL: TEST_STAFF.moderator.email,
  SEED_MODERATOR_PASSWORD: TEST_STAFF.moderator.password,
  NEXT_TELEMETRY_DISABLED: '1',
})

/**
 * Starts the production build as `npm start` does (scripts/serve.mjs) on a free port with a
 * fresh SQLite database, seeded with the demo content, and waits until it serves the home page.
 */
export const startServer = async ({
  seed = true,
  serverOnlyEnv = {},
  shareDatabaseOf,
  args = [],
  nodeArgs = [],
  readyPath = '/',
  readyStatus = 200,
  port: fixedPort,
}: {
  seed?: boolean
  /** Variables for the server process alone, not shared with the test's own Payload. */
  serverOnlyEnv?: Record<string, string>
  /** Another instance of the same site (or a database a test made): this one opens its database (and leaves it on stop). */
  shareDatabaseOf?: Pick<TestServer, 'dir' | 'env'>
  /** More arguments for scripts/serve.mjs (--worker). */
  args?: string[]
  /** Options for Node itself, before the script (--cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[]
  /** What answers `readyStatus` once the server is up. */
  readyPath?: string
  readyStatus?: number
  /** A port of the test's choosing (an instance started again behind the same edge). */
  port?: number
} = {}): Promise<TestServer> => {
  if (!existsSync(path.resolve('.next/BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` before the integration tests.')
  }
  const dir = shareDatabaseOf?.dir ?? (await mkdtemp(path.join(tmpdir(), 'inkwell-test-')))
  const port = fixedPort ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  const env = { ...(shareDatabaseOf?.env ?? testEnv(dir, seed)), SERVER_URL: url }
  const server = spawnGroup(
    process.execPath,
    [...nodeArgs, 'scripts/serve.mjs', '-p', String(port), '-H', '127.0.0.1', ...args],
    { ...env, ...serverOnlyEnv, NODE_ENV: 'production' },
  )
  const { end } = server
  const stop = async () => {
    await end('SIGTERM')
    if (!shareDatabaseOf) await rm(dir, { recursive: true, force: true })
  }
  const kill = () => end('SIGKILL')

  const deadline = Date.now() + 120_000
  while (Date.now() < deadline && server.running()) {
    try {
      const res = await fetch(`${url}${readyPath}`)
      if (res.status === readyStatus) {
        return { url, env, dir, logs: server.logs, stop, kill, child: server.child }
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  await stop()
  throw new Error(`Test server did not start:\n${server.logs()}`)
}

/**
 * A Payload instance in the test process on the server's database, as a script would use it.
 * REVALIDATE_URL points its hooks at the server, whose cache lives in another process.
 */
export const localPayload = async (server: Pick<TestServer, 'env' | 'url'>): Promise<Payload> => {
  Object.assign(process.env, server.env, { REVALIDATE_URL: server.url })
  const { getPayload } = await import('payload')
  const { default: config } = await import('@/payload.config')
  return getPayload({ config })
}

export type TestSite = { server: TestServer; payload: Payload }

/**
 * A test file's site: before its tests, a production server on a fresh database and a Local API
 * on the same database, handed to `ready` for the file's own setup; after them, both stopped.
 */
export const withTestSite = (
  options: Parameters<typeof startServer>[0],
  ready: (site: TestSite) => void | Promise<void>,
): void => {
  let site: Partial<TestSite> = {}
  beforeAll(async () => {
    site.server = await startServer(options)
    site.payload = await localPayload(site.server)
    await ready(site as TestSite)
  }, 180_000)
  afterAll(async () => {
    await site.payload?.destroy()
    await site.server?.stop()
    site = {}
  })
}

/** A fresh database with no server, for tests that only need the Local API. */
export const standalonePayload = async ({ seed = false } = {}) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'inkwell-test-'))
  Object.assign(process.env, testEnv(dir, seed))
  delete process.env.REVALIDATE_URL
  const { getPayload } = await import('payload')
  const { default: config } = await import('@/payload.config')
  const payload = await getPayload({ config })
  return {
    payload,
    cleanup: async () => {
      await payload.destroy()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Fetches a page's HTML, failing loudly on anything but the expected status. */
export const getHtml = async (url: string, expectedStatus = 200): Promise<string> => {
  const res = await fetch(url, { redirect: 'manual' }).catch((error: unknown) => {
    // A kept-alive connection the server closed for idleness just as this GET reused it (undici's
    // "other side closed", before any answer): the request never reached the app, so ask again.
    const cause = (error as { cause?: { code?: string } }).cause
    if (cause?.code !== 'UND_ERR_SOCKET') throw error
    return fetch(url, { redirect: 'manual' })
  })
  const body = await res.text()
  if (res.status !== expectedStatus) {
    throw new Error(
      `GET ${url}: expected ${expectedStatus}, got ${res.status}\n${body.slice(0, 500)}`,
    )
  }
  return body
}

/** Signs a staff member in over REST; returns the Authorization header and the account. */
export const signIn = async (server: Pick<TestServer, 'url'>, who: keyof typeof TEST_STAFF) => {
  const res = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(TEST_STAFF[who]),
  })
  if (res.status !== 200) throw new Error(`Sign-in as ${who} failed: HTTP ${res.status}`)
  const body = (await res.json()) as { token: string; user: { id: number; roles: string[] } }
  return { headers: { Authorization: `JWT ${body.token}` }, user: body.user }
}
