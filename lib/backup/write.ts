import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { createWriteStream } from 'node:fs'

import { createClient } from '@libsql/client'

import {
  DATABASE_ENTRY,
  MANIFEST_NAME,
  UPLOADS_PREFIX,
  archiveName,
  type Manifest,
} from './manifest'
import { schemaVersionOf } from './schemaVersion'
import { type FileDigest, tarBuffer, tarEnd, tarFile } from './tar'

export type BackupSource = {
  /** The SQLite file of the running site. */
  databaseFile: string
  /** The uploads folder, or null when uploads live in S3 (the bucket keeps its own versions). */
  mediaDir: string | null
  collections: string[]
  appVersion: string
}

/** Every regular file under a folder, as paths relative to it ('/' separated), sorted. */
const listFiles = async (dir: string, under = ''): Promise<string[]> => {
  const entries = await readdir(path.join(dir, under), { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw error
    },
  )
  const files: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = under ? `${under}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)))
    else if (entry.isFile()) files.push(relative)
  }
  return files
}

const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`

/**
 * A consistent copy of the live database: VACUUM INTO reads inside one transaction, so writes the
 * site makes meanwhile (WAL) are either wholly in it or not at all.
 */
const snapshot = async (databaseFile: string, into: string): Promise<void> => {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    await client.execute('PRAGMA busy_timeout = 5000')
    await client.execute(`VACUUM INTO ${sqlString(into)}`)
  } finally {
    client.close()
  }
}

/** The schema version and row counts, read from the snapshot so they describe exactly it. */
const describe = async (file: string, collections: string[]) => {
  const client = createClient({ url: `file:${file}` })
  try {
    const tables = new Set(
      (await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table'`)).rows.map(
        (row) => String(row.name),
      ),
    )
    const counts: Record<string, number> = {}
    for (const slug of collections) {
      const table = slug.replace(/-/g, '_')
      if (!tables.has(table)) continue
      const result = await client.execute(`SELECT count(*) AS n FROM "${table}"`)
      counts[slug] = Number(result.rows[0]?.n ?? 0)
    }
    return { schemaVersion: await schemaVersionOf(client), counts }
  } finally {
    client.close()
  }
}

const STALE_WORK_MS = 24 * 60 * 60 * 1000

/**
 * Removes work folders a killed backup left behind (a day old: a backup running now is younger),
 * which retention never counts and which would otherwise fill the disk over time.
 */
const removeStaleWork = async (outDir: string) => {
  for (const name of await readdir(outDir)) {
    if (!name.startsWith('.inkwell-backup-')) continue
    const dir = path.join(outDir, name)
    const info = await stat(dir).catch(() => null)
    if (info && Date.now() - info.mtimeMs > STALE_WORK_MS) {
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/**
 * Writes one archive into `outDir`: the database snapshot, the uploads and, last, the manifest
 * with every file's checksum. The archive appears under its final name only once complete.
 */
export const writeBackup = async (
  source: BackupSource,
  outDir: string,
  now = new Date(),
): Promise<{ file: string; manifest: Manifest }> => {
  // Archives hold password hashes and commenters' emails: readable by this user only.
  await mkdir(outDir, { recursive: true, mode: 0o700 })
  await removeStaleWork(outDir)
  const work = await mkdtemp(path.join(outDir, '.inkwell-backup-'))
  try {
    const databaseCopy = path.join(work, 'inkwell.db')
    await snapshot(source.databaseFile, databaseCopy)
    const { schemaVersion, counts } = await describe(databaseCopy, source.collections)
    const uploads = source.mediaDir ? await listFiles(source.mediaDir) : []
    const files: Record<string, FileDigest> = {}
    const manifest = (): Manifest => ({
      format: 'inkwell-backup',
      formatVersion: 1,
      createdAt: now.toISOString(),
      appVersion: source.appVersion,
      schemaVersion,
      database: 'sqlite',
      counts,
      uploads: source.mediaDir
        ? { included: true }
        : {
            included: false,
            note: 'Uploads are in the S3 bucket (S3_BUCKET), which keeps its own versions; not in this archive.',
          },
      files,
    })
    async function* blocks() {
      const record = (name: string) => (digest: FileDigest) => void (files[name] = digest)
      const dbSize = (await stat(databaseCopy)).size
      yield* tarFile(DATABASE_ENTRY, databaseCopy, dbSize, record(DATABASE_ENTRY))
      for (const relative of uploads) {
        const file = path.join(source.mediaDir!, relative)
        const name = UPLOADS_PREFIX + relative
        yield* tarFile(name, file, (await stat(file)).size, record(name))
      }
      yield* tarBuffer(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest(), null, 2) + '\n'))
      yield tarEnd()
    }
    const partial = path.join(work, 'archive.tar.gz')
    await pipeline(
      Readable.from(blocks()),
      createGzip(),
      createWriteStream(partial, { mode: 0o600 }),
    )
    const file = path.join(outDir, archiveName(now))
    await rename(partial, file)
    return { file, manifest: manifest() }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
