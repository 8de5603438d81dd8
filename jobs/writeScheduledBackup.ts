import type { TaskConfig } from 'payload'

import { pruneBackups, newestBackupAt } from '@/lib/backup/retention'
import { appVersion, defaultBackupDir, siteFiles } from '@/lib/backup/site'
import { writeBackup } from '@/lib/backup/write'

const HOUR_MS = 3_600_000

/**
 * Site settings › Backups: every N hours (0: never) a backup into BACKUP_DIR, keeping the newest
 * "keep". Checked hourly; the interval counts from the newest archive in the folder, so a restart
 * or a manual `npm run backup` does not bring the next one forward or push it back by more than
 * an hour.
 */
export const writeScheduledBackup: TaskConfig<{
  input: Record<string, never>
  output: { written: string | null; deleted: number }
}> = {
  slug: 'writeScheduledBackup',
  label: 'Write a scheduled backup',
  schedule: [{ cron: '0 23 * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const { payload } = req
    const { backups } = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
    const site = siteFiles()
    if (!backups?.intervalHours || !site.databaseFile) {
      if (backups?.intervalHours)
        payload.logger.warn('Scheduled backups are for SQLite; use mongodump.')
      return { output: { written: null, deleted: 0 } }
    }
    const dir = defaultBackupDir()
    const newest = await newestBackupAt(dir)
    // A few minutes' slack: the hourly check must not skip a run for starting a little early.
    if (newest && Date.now() - newest.getTime() < backups.intervalHours * HOUR_MS - 5 * 60_000) {
      return { output: { written: null, deleted: 0 } }
    }
    const { file } = await writeBackup(
      {
        databaseFile: site.databaseFile,
        mediaDir: site.mediaDir,
        collections: payload.config.collections.map((collection) => collection.slug),
        appVersion: await appVersion(),
      },
      dir,
    )
    const deleted = await pruneBackups(dir, backups.keep)
    payload.logger.info(`Backup written: ${file}; ${deleted.length} older deleted.`)
    return { output: { written: file, deleted: deleted.length } }
  },
}
