import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'

import { ARCHIVE_PATTERN } from './manifest'

/**
 * Deletes the oldest archives in `dir` beyond the newest `keep`. Only files named as this code
 * names its archives are counted or touched (their names sort by time).
 */
export const pruneBackups = async (dir: string, keep: number): Promise<string[]> => {
  const archives = (await readdir(dir)).filter((name) => ARCHIVE_PATTERN.test(name)).sort()
  const old = archives.slice(0, Math.max(0, archives.length - Math.max(1, keep)))
  for (const name of old) await rm(path.join(dir, name), { force: true })
  return old
}

/** The newest archive's time, from its name; null when there is none. */
export const newestBackupAt = async (dir: string): Promise<Date | null> => {
  const names = await readdir(dir).catch(() => [] as string[])
  const newest = names
    .filter((name) => ARCHIVE_PATTERN.test(name))
    .sort()
    .at(-1)
  if (!newest) return null
  const stamp = newest.slice('inkwell-backup-'.length, -'.tar.gz'.length)
  return new Date(stamp.replace(/T(\d\d)-(\d\d)-(\d\d)Z$/, 'T$1:$2:$3Z'))
}
