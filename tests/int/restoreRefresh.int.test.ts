import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { runCli } from '../support/backupCli'
import { type Process, startRedis, startVarnish } from '../support/edge'
import { freePort } from '../support/ports'
import { type TestServer, signIn, startServer, testEnv } from '../support/server'
import { timeUntil } from '../support/wait'

/**
 * After a restore, readers see the restored content, not what the caches in front of the app
 * kept from before: with the real Redis (the shared page cache) and the real Varnish (the edge),
 * a post is backed up, retitled (the new title is then cached in both), the app stopped, the
 * archive restored, and the app started again. Through the edge and straight from the app, the
 * page has the title from the archive. Redis and Varnish run throughout, as they would.
 */
const mongo = Boolean(process.env.TEST_MONGODB_URI)
const describeSqlite = mongo ? describe.skip : describe

const POST_PATH = `/posts/${REFERENCE_POST_SLUG}`
const ORIGINAL = 'Ways to Achieve Pain Relief Through Medical Massage'
const RETITLED = `Retitled before the restore ${randomUUID().slice(0, 8)}`

let redis: Process & { redisUrl: string }
let edge: Process
let app: TestServer | undefined
let appPort: number
let shared: Record<string, string>
let backupDir: string
let work: string
let siteEnv: Record<string, string>

const h1 = async (url: string) => {
  const html = await (await fetch(url)).text()
  return /<h1>([^<]*)<\/h1>/.exec(html)?.[1]
}

describeSqlite('a restore behind Redis and the edge', () => {
  beforeAll(async () => {
    backupDir = await mkdtemp(path.join(tmpdir(), 'inkwell-backups-'))
    const purgeSecret = `purge-${randomUUID()}`
    const edgePort = await freePort()
    appPort = await freePort()
    redis = await startRedis()
    shared = {
      REDIS_URL: redis.redisUrl,
      TRUSTED_PROXY_HOPS: '1',
      EDGE_PURGE_URLS: `http://127.0.0.1:${edgePort}`,
      EDGE_PURGE_SECRET: purgeSecret,
    }
    work = await mkdtemp(path.join(tmpdir(), 'inkwell-test-'))
    // The site's files are the test's own, so stopping the app leaves them for the restore.
    siteEnv = testEnv(work, true)
    app = await startServer({
      port: appPort,
      shareDatabaseOf: { dir: work, env: siteEnv },
      serverOnlyEnv: shared,
    })
    edge = await startVarnish([appPort], { port: edgePort, purgeSecret })
  }, 180_000)

  afterAll(async () => {
    await app?.stop()
    await edge?.stop()
    await redis?.stop()
    await rm(backupDir, { recursive: true, force: true })
    await rm(work, { recursive: true, force: true })
  })

  it('serves the restored title, through the edge and from the app', async () => {
    const site = app!
    expect(await h1(`${edge.url}${POST_PATH}`)).toBe(ORIGINAL)
    const backup = await runCli('backup.ts', ['--out', backupDir], site.env)
    expect(backup).toMatchObject({ code: 0 })
    const [archive] = await readdir(backupDir)

    // Retitled after the backup: now that title is what Redis and the edge hold.
    const { headers } = await signIn(site, 'editor')
    const { docs } = (await (
      await fetch(`${site.url}/api/posts?where[slug][equals]=${REFERENCE_POST_SLUG}&depth=0`, {
        headers,
      })
    ).json()) as { docs: { id: string | number }[] }
    const saved = await fetch(`${site.url}/api/posts/${docs[0]!.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ title: RETITLED, _status: 'published' }),
    })
    expect(saved.status).toBe(200)
    await timeUntil(async () => (await h1(`${edge.url}${POST_PATH}`)) === RETITLED)
    expect(await h1(`${edge.url}${POST_PATH}`)).toBe(RETITLED)

    // The app stops (the edge keeps its copy), the archive goes back, the app starts again.
    await site.stop()
    app = undefined
    const restore = await runCli('restore.ts', [path.join(backupDir, archive!)], {
      ...site.env,
      ...shared,
    })
    expect(restore).toMatchObject({ code: 0 })
    app = await startServer({
      port: appPort,
      shareDatabaseOf: { dir: work, env: siteEnv },
      serverOnlyEnv: shared,
    })

    expect(await h1(`${app.url}${POST_PATH}`)).toBe(ORIGINAL)
    // The edge's own "Back in a moment" until its health checks see the app again.
    await timeUntil(async () => (await h1(`${edge.url}${POST_PATH}`)) !== 'Back in a moment')
    expect(await h1(`${edge.url}${POST_PATH}`)).toBe(ORIGINAL)
  })
})
