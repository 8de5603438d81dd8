import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

type Run = { run: (query: unknown) => Promise<{ rowsAffected?: number }> }
const drizzleOf = (payload: Payload) => (payload.db as unknown as { drizzle: Run }).drizzle

/**
 * Crash recovery for post versions. Payload writes a save to SQLite statement by statement: the
 * new version is stored marked latest, then the older ones are unmarked. A process killed between
 * the two leaves two versions marked latest; databases written before the save journal
 * (lib/server/saveJournal) may hold such posts. At start-up the newest version of each post keeps
 * the mark and the others lose it.
 */
export const repairLatestVersions = async (payload: Payload): Promise<number> => {
  if (payload.db.name !== 'sqlite') return 0
  const result = await drizzleOf(payload).run(sql`
    UPDATE _posts_v SET latest = 0
    WHERE latest = 1 AND rowid <> (
      SELECT newest.rowid FROM _posts_v AS newest
      WHERE newest.parent_id = _posts_v.parent_id AND newest.latest = 1
      ORDER BY newest.updated_at DESC, newest.rowid DESC LIMIT 1
    )`)
  const repaired = result.rowsAffected ?? 0
  if (repaired)
    payload.logger.warn(`Unmarked ${repaired} post versions left marked latest by a crash.`)
  return repaired
}

/** Marks a post's newest version latest and no other (after an interrupted save is undone). */
export const markNewestVersionLatest = async (payload: Payload, post: number | string) => {
  await drizzleOf(payload).run(sql`
    UPDATE _posts_v SET latest = (rowid = (
      SELECT newest.rowid FROM _posts_v AS newest WHERE newest.parent_id = ${post}
      ORDER BY newest.updated_at DESC, newest.rowid DESC LIMIT 1
    ))
    WHERE parent_id = ${post}`)
}
