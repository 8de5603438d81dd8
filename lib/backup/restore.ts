import { access, mkdir, mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { BackupRefused, DATABASE_ENTRY, type Manifest, checkSchema } from './manifest'
import { unpackVerified } from './read'
import { schemaVersionOf } from './schemaVersion'
import { type Swap, swapAllIn } from './swap'

export type PostRef = { id: string; slug: string }

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  )

type Claim = { posts: PostRef[]; release: () => Promise<void> }

/**
 * Refuses a database another process has open: replacing a SQLite file under a running server
 * leaves it writing to the old file (or mixing old WAL pages into the new one). Taking the
 * exclusive lock fails while any other connection is open, idle or not. The lock is held until
 * `release`, after the swap, so nothing can open the database while the archive is checked and
 * put in place. Also returns the posts the replaced database held, whose pages caches may keep.
 */
const claimDatabase = async (databaseFile: string): Promise<Claim> => {
  if (!(await exists(databaseFile))) return { posts: [], release: async () => {} }
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    await client.execute('PRAGMA busy_timeout = 0')
    await client.execute('PRAGMA locking_mode = EXCLUSIVE')
    try {
      await client.execute('BEGIN EXCLUSIVE')
    } catch {
      throw new BackupRefused(
        `${databaseFile} is in use: stop the server (and the worker, and any script using it) before restoring.`,
      )
    }
    const hasPosts = await client.execute(
      `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'posts'`,
    )
    const posts = hasPosts.rows.length
      ? (await client.execute('SELECT id, slug FROM posts')).rows
      : []
    return {
      posts: posts.map((row) => ({ id: String(row.id), slug: String(row.slug ?? '') })),
      release: async () => {
        await client.execute('ROLLBACK').catch(() => undefined)
        client.close()
      },
    }
  } catch (error) {
    client.close()
    throw error
  }
}

/** The last migration the staged database itself records: the manifest only names it. */
const stagedSchemaVersion = async (file: string): Promise<string | null> => {
  const client = createClient({ url: `file:${file}` })
  try {
    return await schemaVersionOf(client)
  } finally {
    client.close()
  }
}

export type RestoreTarget = {
  databaseFile: string
  /** The uploads folder, or null when uploads live in S3 (then the archive's are not restored). */
  mediaDir: string | null
  /** This code's migration names, oldest first. */
  migrations: string[]
}

/**
 * Checks the whole archive in a staging folder beside the database, then swaps the database and
 * the uploads in, keeping what they replace as `<name>.before-restore-<stamp>`. Any refusal
 * comes before the first rename.
 */
export const restoreArchive = async (
  archive: string,
  target: RestoreTarget,
  now = new Date(),
): Promise<{ manifest: Manifest; kept: string[]; replacedPosts: PostRef[] }> => {
  if (!(await exists(archive))) throw new BackupRefused(`No such archive: ${archive}`)
  const claim = await claimDatabase(target.databaseFile)
  const dataDir = path.dirname(target.databaseFile)
  await mkdir(dataDir, { recursive: true })
  const staging = await mkdtemp(path.join(dataDir, '.inkwell-restore-'))
  try {
    const manifest = await unpackVerified(archive, staging)
    const staged = path.join(staging, DATABASE_ENTRY)
    // A manifest naming a newer release is refused as such; then what the database itself
    // records must be what the manifest names, and one of this code's migrations (a pushed
    // schema, which records none, is not restorable here).
    if (manifest.schemaVersion) checkSchema(manifest.schemaVersion, target.migrations)
    const schemaVersion = await stagedSchemaVersion(staged)
    if (schemaVersion === null || schemaVersion !== manifest.schemaVersion) {
      throw new BackupRefused(
        `The archive's database does not record the schema its manifest names (${manifest.schemaVersion ?? 'none'}), so it cannot be restored here.`,
      )
    }
    checkSchema(schemaVersion, target.migrations)
    const stamp = now
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replace(/:/g, '-')
    const swaps: Swap[] = [{ staged, target: target.databaseFile, companions: ['-wal', '-shm'] }]
    if (manifest.uploads.included && target.mediaDir) {
      const uploads = path.join(staging, 'uploads')
      await mkdir(uploads, { recursive: true })
      swaps.push({ staged: uploads, target: target.mediaDir, companions: [] })
    }
    const kept = await swapAllIn(swaps, stamp)
    return { manifest, kept, replacedPosts: claim.posts }
  } finally {
    await claim.release()
    await rm(staging, { recursive: true, force: true })
  }
}
