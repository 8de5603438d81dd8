import { execFileSync } from 'node:child_process'
import { copyFile, mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { archiveName } from '@/lib/backup/manifest'

import { standalonePayload } from '../support/server'

/**
 * The scheduled backup, run as the jobs queue runs it: nothing while the interval is 0; an
 * archive when none is newer than the interval, with its manifest; nothing more within the
 * interval; and once one is due, the new archive is written and the oldest beyond "keep" go.
 */
const mongo = Boolean(process.env.TEST_MONGODB_URI)
const describeSqlite = mongo ? describe.skip : describe

let payload: Payload
let cleanup: () => Promise<void>
let backupDir: string

const HOUR_MS = 3_600_000
const archives = async () => (await readdir(backupDir)).sort()

const runJob = async () => {
  await payload.jobs.queue({ task: 'writeScheduledBackup', input: {} })
  await payload.jobs.run()
}

const setSchedule = (intervalHours: number, keep: number) =>
  payload.updateGlobal({ slug: 'site-settings', data: { backups: { intervalHours, keep } } })

const manifestOf = (file: string) =>
  JSON.parse(execFileSync('tar', ['xzf', file, '-O', 'manifest.json'], { encoding: 'utf8' })) as {
    counts: Record<string, number>
    schemaVersion: string
  }

describeSqlite('the scheduled backup job', () => {
  beforeAll(async () => {
    backupDir = await mkdtemp(path.join(tmpdir(), 'inkwell-backups-'))
    process.env.BACKUP_DIR = backupDir
    ;({ payload, cleanup } = await standalonePayload({ seed: true }))
  }, 180_000)

  afterAll(async () => {
    delete process.env.BACKUP_DIR
    await cleanup?.()
    await rm(backupDir, { recursive: true, force: true })
  })

  it('writes nothing while the interval is 0 (the default)', async () => {
    await runJob()
    expect(await archives()).toEqual([])
  })

  it('writes an archive with its manifest when none is newer than the interval', async () => {
    await setSchedule(6, 2)
    await runJob()
    const [only, ...rest] = await archives()
    expect(rest).toEqual([])
    const manifest = manifestOf(path.join(backupDir, only!))
    expect(manifest.counts.posts).toBe((await payload.count({ collection: 'posts' })).totalDocs)
    expect(manifest.schemaVersion).toBeTruthy()
  })

  it('writes nothing more within the interval', async () => {
    const before = await archives()
    await runJob()
    expect(await archives()).toEqual(before)
  })

  it('once one is due, writes it and deletes the oldest beyond "keep"', async () => {
    // The archive from before becomes seven hours old, with two older ones beside it.
    const [current] = await archives()
    const now = Date.now()
    const aged = (hours: number) => archiveName(new Date(now - hours * HOUR_MS))
    await rename(path.join(backupDir, current!), path.join(backupDir, aged(7)))
    for (const hours of [8, 9]) {
      await copyFile(path.join(backupDir, aged(7)), path.join(backupDir, aged(hours)))
    }
    // Something else in the folder is never counted or deleted.
    await copyFile(path.join(backupDir, aged(7)), path.join(backupDir, 'my-own-copy.tar.gz'))
    const newerThanSeven = archiveName(new Date(now - 7 * HOUR_MS + 1000))
    await runJob()
    const after = await archives()
    expect(after).toHaveLength(3)
    expect(after).toContain('my-own-copy.tar.gz')
    expect(after).toContain(aged(7))
    const written = after.find((name) => name > newerThanSeven && name !== 'my-own-copy.tar.gz')
    expect(written).toBeDefined()
    expect(manifestOf(path.join(backupDir, written!)).counts.posts).toBeGreaterThan(0)
  })
})
