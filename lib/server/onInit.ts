import type { Migration, Payload } from 'payload'

import { migrations } from '@/migrations/sqlite'

import { usesMigrations } from './database'
import { repairLatestVersions } from './repairVersions'
import { installSaveJournal, recoverInterruptedSaves } from './saveJournal'
import { indexPostsForSearch } from './searchBackfill'
import { closeOnShutdown } from './shutdown'
import { isDatabaseEmpty, seedDemoContent } from '../../tools/seed'
import { shouldSeedOnBoot } from '../../tools/seed/staff'

/**
 * Runs once per server process. SQLite gets its schema from the committed migrations in every
 * mode (production runs them through the adapter's prodMigrations before this), then an empty
 * database is seeded with the demo content when seeding is wanted. Under `npm start` it is also
 * closed when the server shuts down. Saves a killed process left half-done are undone first
 * (lib/server/saveJournal), and posts saved before search kept their words get them.
 */
export const onInit = async (payload: Payload): Promise<void> => {
  closeOnShutdown(payload)
  if (usesMigrations(payload) && process.env.NODE_ENV !== 'production') {
    // Generated migration files type their arguments more narrowly than Payload's Migration.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  installSaveJournal(payload)
  await recoverInterruptedSaves(payload)
  await repairLatestVersions(payload)
  await indexPostsForSearch(payload)
  if (!shouldSeedOnBoot()) return
  if (!(await isDatabaseEmpty(payload))) return
  payload.logger.info('Empty database: seeding the demo content.')
  const { created } = await seedDemoContent(payload)
  payload.logger.info(`Seeded: ${JSON.stringify(created)}`)
}
