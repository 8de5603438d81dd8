import { execFileSync } from 'node:child_process'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Client } from '@libsql/client'

import { startServer, testEnv } from './server'

/**
 * A small ext4 file system of the test's own: an image file, loop-mounted. ext4 rather than
 * tmpfs because only there does `chattr +i` stop writes through files a process already has open
 * (the kernel checks it on every write), which is how a test makes a running server's database
 * read-only. Needs root, as CI and these machines have; without it the drill fails and says so.
 */
export type SmallDisk = {
  /** Where it is mounted. */
  dir: string
  /** Writes a filler file until the file system has no space left. */
  fill: () => Promise<void>
  /** Removes the filler: the space is back. */
  free: () => Promise<void>
  /** Sets or clears the immutable flag on files in it (names relative to `dir`). */
  readOnly: (files: string[], on: boolean) => void
  unmount: () => Promise<void>
}

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: 'pipe' })

export const mountSmallDisk = async (sizeMb: number): Promise<SmallDisk> => {
  const work = await mkdtemp(path.join(tmpdir(), 'inkwell-disk-'))
  const image = path.join(work, 'disk.img')
  const dir = path.join(work, 'mnt')
  try {
    run('truncate', ['-s', `${sizeMb}M`, image])
    run('mkfs.ext4', ['-q', '-F', image])
    run('mkdir', ['-p', dir])
    run('mount', ['-o', 'loop', image, dir])
  } catch (error) {
    await rm(work, { recursive: true, force: true })
    const why = String((error as { stderr?: unknown }).stderr ?? error)
    throw new Error(`This drill loop-mounts a small ext4 file system, as root: ${why}`)
  }
  const filler = path.join(dir, 'filler')
  return {
    dir,
    fill: async () => {
      const file = await open(filler, 'a')
      const chunk = Buffer.alloc(256 * 1024)
      try {
        // Until the kernel refuses, then a sync, so delayed allocation cannot leave space behind.
        for (;;) {
          await file.write(chunk)
          await file.sync()
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
      } finally {
        await file.close()
      }
    },
    free: () => rm(filler, { force: true }),
    readOnly: (files, on) => {
      for (const file of files) run('chattr', [on ? '+i' : '-i', path.join(dir, file)])
    },
    unmount: async () => {
      try {
        run('umount', ['-l', dir])
      } finally {
        await rm(work, { recursive: true, force: true })
      }
    },
  }
}

/**
 * A production server whose SQLite file lives on `disk` (seeded as every test server is); the
 * rest of its temp folder (uploads) stays on the ordinary disk. `cleanup` stops it and removes
 * that folder; the disk is the caller's.
 */
export const startServerOnDisk = async (disk: SmallDisk) => {
  const work = await mkdtemp(path.join(tmpdir(), 'inkwell-test-'))
  const env = { ...testEnv(work, true), DATABASE_URI: `file:${path.join(disk.dir, 'inkwell.db')}` }
  const server = await startServer({
    shareDatabaseOf: { dir: work, env },
    serverOnlyEnv: { TRUSTED_PROXY_HOPS: '1' },
  })
  return {
    server,
    databaseUrl: env.DATABASE_URI,
    cleanup: async () => {
      await server.stop()
      await rm(work, { recursive: true, force: true })
    },
  }
}

/**
 * Fills `disk` so that the database's next write fails with SQLITE_FULL. The write-ahead log is
 * emptied first (a log with room would take writes on a full disk), and ext4 keeps a few blocks
 * set aside for a file that has been growing, so small writes of our own (the header's
 * user_version, which Payload does not use) take those until SQLite says the disk is full.
 */
export const fillUnderDatabase = async (disk: SmallDisk, database: Client) => {
  await database.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  await disk.fill()
  for (let i = 1; i <= 10_000; i++) {
    try {
      await database.execute(`PRAGMA user_version = ${i}`)
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_FULL') return
      throw error
    }
  }
  throw new Error('The small disk never filled up')
}

/** Runs each clean-up step in turn, whatever an earlier one threw; then throws the first error. */
export const settleAll = async (steps: (() => unknown)[]) => {
  const errors: unknown[] = []
  for (const step of steps) {
    try {
      await step()
    } catch (error) {
      errors.push(error)
    }
  }
  if (errors.length) throw errors[0]
}
