import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

type Run = { run: (query: unknown) => Promise<{ rowsAffected?: number }> }
const drizzleOf = (payload: Payload) => (payload.db as unknown as { drizzle: Run }).drizzle

/**
 * The repair below as SQLite runs it. It first finds the posts with more than one version marked
 * latest (usually none), and only for those asks which is newest, by post (`+latest` keeps
 * SQLite off the index on `latest`, true for nearly every row, which made the question read every
 * latest version once per latest version: over two minutes at start-up with 10,000 posts).
 */
export const REPAIR_LATEST_VERSIONS = `
  UPDATE _posts_v SET latest = 0
  WHERE latest = 1
    AND parent_id IN (
      SELECT parent_id FROM _posts_v WHERE latest = 1 GROUP BY parent_id HAVING count(*) > 1
    )
    AND rowid <> (
      SELECT newest.rowid FROM _posts_v AS newest
      WHERE newest.parent_id = _posts_v.parent_id AND +newest.latest = 1
      ORDER BY newest.updated_at DESC, newest.rowid DESC LIMIT 1
    )`

/**
 * Crash recovery for post versions. Payload writes a save to SQLite statement by statement: the
 * new version is stored marked latest, then the older ones are unmarked. A process killed between
 * the two leaves two versions marked latest; databases written before the save journal
 * (lib/server/saveJournal) may hold such posts. At start-up the newest version of each post keeps
 * the mark and the others lose it.
 */
export const repairLatestVersions = async (payload: Payload): Promise<number> => {
  if (payload.db.name !== 'sqlite') return 0
  const result = await drizzleOf(payload).run(sql.raw(REPAIR_LATEST_VERSIONS))
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
