/**
 * npm run restore -- <archive>
 *
 * Restores a backup written by `npm run backup` onto this site (DATABASE_URI, MEDIA_DIR), with
 * the server stopped. The archive is checked whole before anything is touched; what it replaces
 * is kept as `<name>.before-restore-<time>`. Pending migrations then bring an older archive up to
 * date, and the caches that outlive a restart are expired.
 */
import path from 'node:path'

import type { Migration } from 'payload'

import { BackupRefused } from '@/lib/backup/manifest'
import { restoreArchive } from '@/lib/backup/restore'
import { MONGODB_REFUSAL, siteFiles } from '@/lib/backup/site'
import { migrations } from '@/migrations/sqlite'
import { runScript } from '@/scripts/finished'

const USAGE = 'Usage: npm run restore -- <archive>'

const main = async () => {
  const [archive, ...rest] = process.argv.slice(2)
  if (!archive || rest.length) throw new BackupRefused(USAGE)
  const site = siteFiles()
  if (!site.databaseFile) throw new BackupRefused(MONGODB_REFUSAL)
  const { manifest, kept, replacedPosts } = await restoreArchive(path.resolve(archive), {
    databaseFile: site.databaseFile,
    mediaDir: site.mediaDir,
    migrations: migrations.map((migration) => migration.name),
  })
  process.stdout.write(
    `Restored the backup of ${manifest.createdAt} (schema ${manifest.schemaVersion}).\n`,
  )
  if (kept.length) process.stdout.write(`Kept what it replaced:\n  ${kept.join('\n  ')}\n`)
  if (manifest.uploads.included && !site.mediaDir) {
    process.stdout.write('Uploads not restored: this site keeps them in S3 (S3_BUCKET).\n')
  } else if (!manifest.uploads.included) {
    process.stdout.write(`Uploads not in the archive: ${manifest.uploads.note ?? ''}\n`)
  }

  // This script decides what happens to the database, not the boot-time seeding in onInit.
  process.env.SEED_DEMO = 'false'
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  try {
    const { usesMigrations } = await import('@/lib/server/database')
    if (usesMigrations(payload)) {
      await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
    }
    const { docs } = await payload.find({
      collection: 'posts',
      pagination: false,
      depth: 0,
      select: { slug: true },
    })
    const posts = [
      ...replacedPosts,
      ...docs.map((doc) => ({ id: String(doc.id), slug: doc.slug ?? '' })),
    ]
    const { everyTag, refreshCaches } = await import('@/lib/backup/refreshCaches')
    const done = await refreshCaches(payload, everyTag(posts))
    process.stdout.write(`Database up to date; caches: ${done.join('; ')}.\n`)
  } finally {
    await payload.destroy()
  }
}

runScript(main, (error) =>
  error instanceof BackupRefused
    ? `Restore refused: ${error.message}`
    : error instanceof Error
      ? (error.stack ?? error.message)
      : String(error),
)
