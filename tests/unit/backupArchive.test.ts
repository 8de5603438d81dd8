import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'

import {
  ARCHIVE_PATTERN,
  BackupRefused,
  archiveName,
  checkFiles,
  checkSchema,
  parseManifest,
  type Manifest,
} from '@/lib/backup/manifest'
import { newestBackupAt, pruneBackups } from '@/lib/backup/retention'
import { tarBuffer, tarEnd, tarFile, untar, type FileDigest } from '@/lib/backup/tar'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inkwell-backup-unit-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const collect = async (blocks: AsyncIterable<Buffer> | Iterable<Buffer>) => {
  const parts: Buffer[] = []
  for await (const part of blocks) parts.push(part)
  return Buffer.concat(parts)
}

describe('the tar writer and reader', () => {
  it('round-trips files, long names included, with their checksums, and GNU tar reads them', async () => {
    const longName = `uploads/${'deep/'.repeat(25)}image.webp`
    const source = path.join(dir, 'source.bin')
    await writeFile(source, Buffer.alloc(1300, 7))
    const digests: FileDigest[] = []
    const archive = await collect(
      (async function* () {
        yield* tarFile(longName, source, 1300, (d) => digests.push(d))
        yield* tarBuffer('manifest.json', Buffer.from('{"a":1}'))
        yield tarEnd()
      })(),
    )
    await writeFile(path.join(dir, 'a.tar'), archive)
    expect(
      execFileSync('tar', ['tf', path.join(dir, 'a.tar')])
        .toString()
        .split('\n'),
    ).toContain(longName)
    const out = path.join(dir, 'out')
    const { files, kept } = await untar(Readable.from([archive]), out, 'manifest.json')
    expect(kept?.toString()).toBe('{"a":1}')
    expect(files.get(longName)).toEqual(digests[0])
    expect(await readFile(path.join(out, longName))).toEqual(Buffer.alloc(1300, 7))
  })

  it('reads a file whose data arrives in a chunk after the one that ended its header', async () => {
    // gunzip hands over chunks of any size; one that ends exactly at a header once made the
    // next chunk be read twice, and the archive look damaged.
    const data = Buffer.alloc(700, 3)
    const whole = await collect([
      ...tarBuffer('db.sqlite', data),
      ...tarBuffer('manifest.json', Buffer.from('{}')),
      tarEnd(),
    ])
    const chunks = [whole.subarray(0, 512), whole.subarray(512, 1024), whole.subarray(1024)]
    const out = path.join(dir, 'chunked')
    const { files, kept } = await untar(Readable.from(chunks), out, 'manifest.json')
    expect(kept?.toString()).toBe('{}')
    expect(files.get('db.sqlite')?.size).toBe(700)
    expect(await readFile(path.join(out, 'db.sqlite'))).toEqual(data)
  })

  it('refuses names that would write outside the target, and a truncated archive', async () => {
    const evil = await collect([...tarBuffer('../evil.txt', Buffer.from('x')), tarEnd()])
    await expect(untar(Readable.from([evil]), dir, 'manifest.json')).rejects.toThrow(/unsafe name/)
    const whole = await collect([...tarBuffer('uploads/a.txt', Buffer.alloc(2000)), tarEnd()])
    await expect(
      untar(Readable.from([whole.subarray(0, 1024)]), path.join(dir, 't'), 'manifest.json'),
    ).rejects.toThrow(/ends in the middle/)
  })
})

const manifest = (over: Partial<Manifest> = {}): Manifest => ({
  format: 'inkwell-backup',
  formatVersion: 1,
  createdAt: '2026-12-01T02:30:00.000Z',
  appVersion: '0.1.0',
  schemaVersion: '20261130_231902_redirects_plugin',
  database: 'sqlite',
  counts: { posts: 1 },
  uploads: { included: true },
  files: { 'database/inkwell.db': { size: 3, sha256: 'abc' } },
  ...over,
})

describe('the manifest', () => {
  it('names archives by time, in the pattern retention looks for', () => {
    const name = archiveName(new Date('2026-12-01T02:30:00.123Z'))
    expect(name).toBe('inkwell-backup-2026-12-01T02-30-00Z.tar.gz')
    expect(ARCHIVE_PATTERN.test(name)).toBe(true)
  })

  it('refuses a missing or foreign manifest', () => {
    expect(() => parseManifest(null)).toThrow(BackupRefused)
    expect(() => parseManifest(Buffer.from('{"format":"other"}'))).toThrow(/not an inkwell/)
    expect(parseManifest(Buffer.from(JSON.stringify(manifest())))).toEqual(manifest())
  })

  it('refuses a missing file, a wrong checksum and a file it does not list', () => {
    const ok = new Map([['database/inkwell.db', { size: 3, sha256: 'abc' }]])
    expect(() => checkFiles(manifest(), ok)).not.toThrow()
    expect(() => checkFiles(manifest(), new Map())).toThrow(/missing/)
    const wrong = new Map([['database/inkwell.db', { size: 3, sha256: 'abd' }]])
    expect(() => checkFiles(manifest(), wrong)).toThrow(/fails its checksum/)
    const extra = new Map([...ok, ['uploads/x.png', { size: 1, sha256: 'f' }]])
    expect(() => checkFiles(manifest(), extra)).toThrow(/does not list/)
  })

  it('takes a known or older schema, refuses a newer or unknown one', () => {
    const known = ['20261126_174519_initial', '20261201_022045_backup_settings']
    expect(() => checkSchema('20261126_174519_initial', known)).not.toThrow()
    expect(() => checkSchema('20270101_000000_next', known)).toThrow(/newer release/)
    expect(() => checkSchema('20261127_000000_other', known)).toThrow(/not one of/)
  })
})

describe('retention', () => {
  it('keeps the newest N of its own archives and touches nothing else', async () => {
    const times = ['2026-12-01T00:00:00Z', '2026-12-01T06:00:00Z', '2026-12-01T12:00:00Z']
    for (const t of times) await writeFile(path.join(dir, archiveName(new Date(t))), '')
    await writeFile(path.join(dir, 'inkwell-backup-mine.tar.gz'), '')
    await writeFile(path.join(dir, 'notes.txt'), '')
    expect(await pruneBackups(dir, 2)).toEqual([archiveName(new Date(times[0]!))])
    expect((await readdir(dir)).sort()).toEqual(
      [
        archiveName(new Date(times[1]!)),
        archiveName(new Date(times[2]!)),
        'inkwell-backup-mine.tar.gz',
        'notes.txt',
      ].sort(),
    )
    expect(await newestBackupAt(dir)).toEqual(new Date(times[2]!))
  })
})
