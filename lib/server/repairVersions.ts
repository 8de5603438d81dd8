import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

/**
 * Crash recovery for post versions. Payload writes a save to SQLite statement by statement: the
 * new version is stored marked latest, then the older ones are unmarked. A process killed between
 * the two (the crash drill caught it) leaves two versions marked latest. Reads take the newest,
 * so readers see the right post, but the flag is wrong until the next save; at start-up the
 * newest version of each post keeps it and the others lose it.
 */
export const repairLatestVersions = async (payload: Payload): Promise<number> => {
  if (payload.db.name !== 'sqlite') return 0
  const db = (payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } })
    .drizzle
  const result = (await db.run(sql`
    UPDATE _posts_v SET latest = 0
    WHERE latest = 1 AND rowid <> (
      SELECT newest.rowid FROM _posts_v AS newest
      WHERE newest.parent_id = _posts_v.parent_id AND newest.latest = 1
      ORDER BY newest.updated_at DESC, newest.rowid DESC LIMIT 1
    )`)) as { rowsAffected?: number }
  const repaired = result.rowsAffected ?? 0
  if (repaired)
    payload.logger.warn(`Unmarked ${repaired} post versions left marked latest by a crash.`)
  return repaired
}
