import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'

import type { Payload } from 'payload'
import sharp from 'sharp'

import { MANIFEST_NAME, parseManifest, type Manifest } from '@/lib/backup/manifest'
import { untar } from '@/lib/backup/tar'
import { issueFormToken } from '@/lib/comments/formToken'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { damagedCopy, hashesUnder, rewriteManifest, runCli, sha256 } from '../support/backupCli'
import {
  type TestServer,
  getHtml,
  localPayload,
  signIn,
  startServer,
  testEnv,
} from '../support/server'

// Backup while the site runs, refusals that change nothing, and a restore onto an empty machine
// that a server then serves from.

let server: TestServer
let payload: Payload
let work: string
let archive: string
let manifest: Manifest
const commentText = `Backed up with the site running ${Date.now()}`
const COLLECTIONS = ['posts', 'comments', 'users', 'media'] as const
let before: Record<string, unknown[]>

const rows = async (collection: (typeof COLLECTIONS)[number]) =>
  (await payload.find({ collection, pagination: false, depth: 0, sort: 'id' })).docs.map((doc) => ({
    id: String(doc.id),
    updatedAt: doc.updatedAt,
  }))

beforeAll(async () => {
  server = await startServer()
  payload = await localPayload(server)
  work = await mkdtemp(path.join(tmpdir(), 'inkwell-backup-test-'))
  const post = (
    await payload.find({ collection: 'posts', where: { slug: { equals: REFERENCE_POST_SLUG } } })
  ).docs[0]!
  const res = await fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      post: post.id,
      authorName: 'Rosa Patient',
      authorEmail: 'rosa@example.com',
      body: commentText,
      formToken: issueFormToken(payload.secret, post.id, Date.now() - 10_000),
    }),
  })
  const { doc } = (await res.json()) as { doc: { id: string } }
  await payload.update({ collection: 'comments', id: doc.id, data: { status: 'approved' } })
  const image = await sharp({
    create: { width: 64, height: 48, channels: 3, background: '#3a7' },
  })
    .png()
    .toBuffer()
  await payload.create({
    collection: 'media',
    data: { alt: 'Added while the site runs' },
    file: { data: image, mimetype: 'image/png', name: 'while-running.png', size: image.length },
  })
  before = Object.fromEntries(await Promise.all(COLLECTIONS.map(async (c) => [c, await rows(c)])))
}, 240_000)

afterAll(async () => {
  await payload?.destroy()
  await server?.stop()
  if (work) await rm(work, { recursive: true, force: true })
})

describe('npm run backup', () => {
  it('writes one archive with a manifest of counts and checksums while the site runs', async () => {
    const out = path.join(work, 'out')
    const { code, output } = await runCli('backup.ts', ['--out', out], server.env)
    expect({ code, output }).toMatchObject({ code: 0 })
    const names = await readdir(out)
    expect(names).toEqual([expect.stringMatching(/^inkwell-backup-[\dT-]+Z\.tar\.gz$/)])
    archive = path.join(out, names[0]!)

    const unpacked = path.join(work, 'unpacked')
    const gz = createReadStream(archive).pipe(createGunzip())
    const { files, kept } = await untar(gz, unpacked, MANIFEST_NAME)
    manifest = parseManifest(kept)
    for (const c of COLLECTIONS) expect(manifest.counts[c]).toBe(before[c]!.length)
    expect(manifest.schemaVersion).toMatch(/^\d{8}_\d{6}_/)
    expect(manifest.database).toBe('sqlite')
    // Every upload on disk is in it, each with the checksum of the file on disk.
    const media = await hashesUnder(server.env.MEDIA_DIR!)
    expect(Object.keys(media)).toContain('while-running.png')
    for (const [name, hash] of Object.entries(media)) {
      expect(manifest.files[`uploads/${name}`]?.sha256).toBe(hash)
    }
    for (const [name, digest] of files) {
      if (name !== MANIFEST_NAME) expect(manifest.files[name]).toEqual(digest)
    }
  })
})

describe('backup settings', () => {
  it('are shown to admins only: not to the public, not to editors', async () => {
    const read = async (headers: Record<string, string> = {}) =>
      (await (
        await fetch(`${server.url}/api/globals/site-settings`, { headers })
      ).json()) as Record<string, unknown>
    expect(await read()).not.toHaveProperty('backups')
    expect(await read((await signIn(server, 'editor')).headers)).not.toHaveProperty('backups')
    expect(await read((await signIn(server, 'admin')).headers)).toHaveProperty('backups')
  })
})

describe('npm run restore refuses, changing nothing', () => {
  const target = () => testEnv(path.join(work, 'refused'), false)
  const refused = async (file: string, reason: RegExp) => {
    const dir = path.join(work, 'refused')
    await mkdir(path.join(dir, 'media'), { recursive: true })
    await writeFile(path.join(dir, 'media', 'keep.txt'), 'mine')
    const { code, output } = await runCli('restore.ts', [file], target())
    expect(output).toMatch(reason)
    expect(code).toBe(1)
    expect(await readdir(dir, { recursive: true })).toEqual([
      'media',
      path.join('media', 'keep.txt'),
    ])
  }

  it('a damaged archive', async () => {
    const bad = path.join(work, 'damaged.tar.gz')
    await damagedCopy(archive, bad)
    await refused(bad, /Restore refused: .*damaged/)
  })

  it('an archive whose file fails its checksum', async () => {
    const bad = path.join(work, 'checksum.tar.gz')
    await rewriteManifest(archive, bad, path.join(work, 'rw1'), (m) => {
      ;(m.files as Record<string, { sha256: string }>)['database/inkwell.db']!.sha256 = '0'.repeat(
        64,
      )
    })
    await refused(bad, /database\/inkwell\.db fails its checksum/)
  })

  it('an archive from a newer release', async () => {
    const newer = path.join(work, 'newer.tar.gz')
    await rewriteManifest(archive, newer, path.join(work, 'rw2'), (m) => {
      m.schemaVersion = '29991231_000000_from_the_future'
    })
    await refused(newer, /comes from a newer release/)
  })

  it('an archive whose manifest names no schema, or not the one its database records', async () => {
    const unnamed = path.join(work, 'unnamed.tar.gz')
    await rewriteManifest(archive, unnamed, path.join(work, 'rw3'), (m) => {
      m.schemaVersion = null
    })
    await refused(unnamed, /does not record the schema its manifest names \(none\)/)
    const older = path.join(work, 'older.tar.gz')
    await rewriteManifest(archive, older, path.join(work, 'rw4'), (m) => {
      m.schemaVersion = '20261126_174519_initial'
    })
    await refused(older, /does not record the schema its manifest names/)
  })

  it('a database a running server has open', async () => {
    const { code, output } = await runCli('restore.ts', [archive], server.env)
    expect(output).toMatch(/is in use: stop the server/)
    expect(code).toBe(1)
  })

  it('a MongoDB site', async () => {
    const env = { ...target(), DATABASE_URI: 'mongodb://127.0.0.1:1/inkwell' }
    const { code, output } = await runCli('restore.ts', [archive], env)
    expect(output).toMatch(/MongoDB: back it up with mongodump/)
    expect(code).toBe(1)
  })
})

describe('a restore onto an empty machine', () => {
  it('brings back posts, comments, users and media, and a server serves them', async () => {
    const dir = path.join(work, 'empty-machine')
    const env = testEnv(dir, false)
    const { code, output } = await runCli('restore.ts', [archive], env)
    expect({ code, output }).toMatchObject({ code: 0 })
    // Byte for byte: the same files with the same hashes as the running site's uploads.
    const restoredMedia = await hashesUnder(env.MEDIA_DIR!)
    expect(restoredMedia).toEqual(await hashesUnder(server.env.MEDIA_DIR!))
    expect(restoredMedia['while-running.png']).toBe(
      await sha256(path.join(server.env.MEDIA_DIR!, 'while-running.png')),
    )

    const restored = await startServer({ shareDatabaseOf: { dir, env } })
    try {
      const { headers } = await signIn(restored, 'admin')
      for (const c of COLLECTIONS) {
        const res = await fetch(`${restored.url}/api/${c}?depth=0&limit=0&sort=id`, { headers })
        const { docs } = (await res.json()) as { docs: { id: unknown; updatedAt: string }[] }
        expect(docs.map((d) => ({ id: String(d.id), updatedAt: d.updatedAt }))).toEqual(before[c])
      }
      const page = await getHtml(`${restored.url}/posts/${REFERENCE_POST_SLUG}`)
      expect(page).toContain(commentText)
    } finally {
      await restored.stop()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
