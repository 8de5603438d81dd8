import type { Client } from '@libsql/client'

/**
 * The last migration a SQLite database records (the backup's schema version), or null when it
 * records none (no migrations table: a pushed schema, or not ours). Read from the database itself,
 * both when an archive is written and when one is restored, so a manifest cannot vouch for it.
 */
export const schemaVersionOf = async (client: Client): Promise<string | null> => {
  const table = await client.execute(
    `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'`,
  )
  if (!table.rows.length) return null
  const last = await client.execute(
    `SELECT name FROM payload_migrations WHERE name GLOB '[0-9]*_*' ORDER BY name DESC LIMIT 1`,
  )
  return last.rows[0] ? String(last.rows[0].name) : null
}
