/**
 * npm run backup [-- --out <dir>]
 *
 * Writes one archive (inkwell-backup-<time>.tar.gz, into backups/ unless --out says otherwise)
 * of this site's SQLite database and uploads, with a manifest of counts and checksums. Safe while
 * the site runs: the database is copied with VACUUM INTO, a consistent snapshot.
 */
import { existsSync } from 'node:fs'

import { runScript } from '@/scripts/finished'
import { BackupRefused } from '@/lib/backup/manifest'
import { MONGODB_REFUSAL, appVersion, defaultBackupDir, siteFiles } from '@/lib/backup/site'
import { writeBackup } from '@/lib/backup/write'

const USAGE = `Usage: npm run backup [-- --out <dir>]`

const parseArgs = (argv: string[]) => {
  let out = defaultBackupDir()
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1]) out = argv[++i]!
    else throw new BackupRefused(`Unknown argument ${argv[i]}.\n${USAGE}`)
  }
  return { out }
}

const main = async () => {
  const { out } = parseArgs(process.argv.slice(2))
  const site = siteFiles()
  if (!site.databaseFile) throw new BackupRefused(MONGODB_REFUSAL)
  // Opening a missing file would create an empty database and archive that.
  if (!existsSync(site.databaseFile)) {
    throw new BackupRefused(`No database at ${site.databaseFile}: check DATABASE_URI.`)
  }
  // The collections, from the config alone: no database connection, no migrations, no seeding.
  const { default: config } = await import('@payload-config')
  const collections = (await config).collections.map((collection) => collection.slug)
  const { file, manifest } = await writeBackup(
    {
      databaseFile: site.databaseFile,
      mediaDir: site.mediaDir,
      collections,
      appVersion: await appVersion(),
    },
    out,
  )
  const counts = Object.entries(manifest.counts)
    .filter(([, n]) => n > 0)
    .map(([slug, n]) => `${n} ${slug}`)
  process.stdout.write(`Backup written: ${file}\nSchema: ${manifest.schemaVersion}\n`)
  process.stdout.write(`Holds: ${counts.join(', ')}; ${Object.keys(manifest.files).length} files\n`)
  if (manifest.uploads.note) process.stdout.write(`Note: ${manifest.uploads.note}\n`)
}

runScript(main, (error) =>
  error instanceof BackupRefused
    ? error.message
    : error instanceof Error
      ? (error.stack ?? error.message)
      : String(error),
)
