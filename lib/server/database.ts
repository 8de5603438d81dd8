import fs from 'node:fs'
import path from 'node:path'

import { type Config, createClient } from '@libsql/client'
import { type SQLiteSchemaHook, sqliteAdapter } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { DatabaseAdapterObj, Payload } from 'payload'

import { migrations } from '@/migrations/sqlite'

import { BUSY_BUDGET_MS, type SqlClient, retryWhenBusy } from './busyRetry'

export type DatabaseKind = 'sqlite' | 'mongodb'

/** How SQLite numbers its rows: integers (the default) or uuid strings, as MongoDB's ids are. */
export type SqliteIdType = 'number' | 'uuid'

const DEFAULT_SQLITE_URL = 'file:./data/inkwell.db'

/** Which adapter a DATABASE_URI selects: MongoDB for mongodb:// and mongodb+srv://, else SQLite. */
export const databaseKind = (uri: string | undefined): DatabaseKind =>
  uri && /^mongodb(\+srv)?:\/\//.test(uri) ? 'mongodb' : 'sqlite'

/** The SQLite URL to open: DATABASE_URI, or a file under data/ when it is unset. */
export const sqliteUrl = (uri: string | undefined): string => {
  const url = uri && uri.trim() !== '' ? uri : DEFAULT_SQLITE_URL
  if (!url.startsWith('file:')) {
    throw new Error(
      `DATABASE_URI must be empty, file:..., mongodb:// or mongodb+srv://; got "${url}"`,
    )
  }
  return url
}

/** The folder a SQLite URL's file lives in, or null for an in-memory database. */
export const sqliteFolder = (url: string): string | null => {
  const file = url.slice('file:'.length)
  return file && file !== ':memory:' ? path.dirname(path.resolve(file)) : null
}

/**
 * DATABASE_ID_TYPE=uuid gives SQLite string ids. It exists for the string-id test lane: code that
 * only works with numeric ids fails there as it would on MongoDB, without a MongoDB server.
 */
export const sqliteIdType = (value: string | undefined): SqliteIdType => {
  if (!value || value === 'number') return 'number'
  if (value === 'uuid') return 'uuid'
  throw new Error(`DATABASE_ID_TYPE must be "number" (the default) or "uuid"; got "${value}"`)
}

/** How often SQLite waits for the disk in WAL mode (its `synchronous` pragma); OFF is refused. */
export type SqliteSynchronous = 'NORMAL' | 'FULL' | 'EXTRA'

/**
 * DATABASE_SYNCHRONOUS, FULL by default: SQLite waits for the disk at every commit, so a comment
 * answered "received" survives a power cut. NORMAL syncs only at WAL checkpoints: a process crash
 * still loses nothing and the file is never corrupted, but a power cut or an OS crash may lose the
 * commits since the last checkpoint. It is faster (a comment takes two commits, and the one
 * server thread waits through each: about 25-40% more comments a second under the comment flood,
 * `npm run bench -- --comments`), for a site that accepts that trade.
 */
export const sqliteSynchronous = (value: string | undefined): SqliteSynchronous => {
  const given = (value ?? '').trim().toUpperCase()
  if (!given) return 'FULL'
  if (given === 'NORMAL' || given === 'FULL' || given === 'EXTRA') return given
  throw new Error(
    `DATABASE_SYNCHRONOUS must be FULL (the default), NORMAL or EXTRA; got "${value}"`,
  )
}

type Connectable = { connect: (options?: unknown) => Promise<void> }

type PushableDatabase = Connectable & {
  requireDrizzleKit: () => {
    pushSchema: (
      schema: unknown,
      drizzle: unknown,
    ) => Promise<{ apply: () => Promise<void>; warnings: string[] }>
  }
  schema: unknown
  drizzle: unknown
}

/**
 * Runs `before` and `after` around the adapter's connect. Payload builds the adapter wherever the
 * config is loaded (`next build` too, which must leave no trace of a database) but connects only
 * when it starts, so work done here never happens in a build.
 */
const aroundConnect = <Db extends Connectable>(
  adapter: DatabaseAdapterObj,
  { before, after }: { before?: () => void; after?: (db: Db) => Promise<void> },
): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args)
    const connectable = db as unknown as Db
    const connect = connectable.connect
    connectable.connect = async function (this: Db, options?: unknown) {
      before?.()
      await connect.call(this, options)
      if (after) await after(this)
    }
    return db
  },
})

/**
 * The committed migrations are written for integer ids, so a uuid database gets its tables from
 * the collections themselves (Drizzle's push) each time it connects, in production mode too, where
 * Payload's own push is off. A push that would lose data stops the start instead of asking.
 */
const pushSchema = async (db: PushableDatabase): Promise<void> => {
  const { apply, warnings } = await db.requireDrizzleKit().pushSchema(db.schema, db.drizzle)
  if (warnings.length) throw new Error(`Schema push refused:\n${warnings.join('\n')}`)
  await apply()
}

/**
 * Payload indexes a hasMany text field's table on (order, parent) only, so reading one document's
 * texts scanned that index: the import of a large export slowed as it went (each comment's
 * signals), and so would every read of a post (its search words). An index on the parent alone
 * makes each lookup direct.
 */
const TEXTS_TABLES = ['comments_texts', 'posts_texts', '_posts_v_texts']
const indexTextsByParent: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const name of TEXTS_TABLES) {
    const table = schema.tables[name]
    if (!table) continue
    extendTable({
      table,
      extraConfig: (t) => ({ [`${name}_parent_idx`]: index(`${name}_parent_idx`).on(t.parent) }),
    })
  }
  return schema
}

/**
 * The importer finds each post it may update by its import key among the latest versions
 * (`latest = ? and version_import_key = ?`). With an index on each column alone SQLite picks the
 * one on `latest`, true for nearly every row, so each lookup read the whole table: the import of
 * 10,000 posts took twice as long per post as that of 1,000. An index on both makes it direct.
 */
const indexVersionsByImportKey: SQLiteSchemaHook = ({ schema, extendTable }) => {
  const table = schema.tables._posts_v
  if (table) {
    extendTable({
      table,
      extraConfig: (t) => {
        const columns = Object.values(t) as { name?: string }[]
        const importKey = columns.find((c) => c.name === 'version_import_key')
        const latest = columns.find((c) => c.name === 'latest')
        if (!importKey || !latest) return {}
        return {
          _posts_v_import_key_latest_idx: index('_posts_v_import_key_latest_idx').on(
            importKey as never,
            latest as never,
          ),
        }
      },
    })
  }
  return schema
}

const SCHEMA_HOOKS = [indexTextsByParent, indexVersionsByImportKey]

/** The SQLite adapter: schema from the committed migrations, or pushed for uuid ids. */
export const sqliteDatabase = ({
  uri,
  migrationDir,
  idType = sqliteIdType(process.env.DATABASE_ID_TYPE),
  synchronous = sqliteSynchronous(process.env.DATABASE_SYNCHRONOUS),
}: {
  uri: string | undefined
  migrationDir: string
  idType?: SqliteIdType
  synchronous?: SqliteSynchronous
}): DatabaseAdapterObj => {
  const url = sqliteUrl(uri)
  const options = {
    client: { url },
    // WAL lets readers proceed while a write is in progress. The timeout covers the start
    // (migrations may wait for a script's lock); once connected, waitWithoutBlocking below
    // takes over.
    wal: { synchronous },
    busyTimeout: BUSY_BUDGET_MS,
    // Never Payload's own push: dev, test and production all build the schema from the committed
    // migrations, so a database made by `npm run dev` also works under `npm start`.
    push: false,
    migrationDir,
  } as const
  const folder = sqliteFolder(url)
  // SQLite creates the file but not its folder (data/ on a fresh clone).
  const before = () => {
    if (folder) fs.mkdirSync(folder, { recursive: true })
  }
  if (idType === 'uuid') {
    return aroundConnect<PushableDatabase & ConnectedSqlite>(
      sqliteAdapter({ ...options, afterSchemaInit: SCHEMA_HOOKS, idType: 'uuid' }),
      {
        before,
        after: async (db) => {
          await pushSchema(db)
          await waitWithoutBlocking(db)
        },
      },
    )
  }
  return aroundConnect<ConnectedSqlite>(
    sqliteAdapter({
      ...options,
      afterSchemaInit: SCHEMA_HOOKS,
      prodMigrations: migrations,
    }),
    {
      before,
      after: waitWithoutBlocking,
    },
  )
}

type ConnectedSqlite = Connectable & { client: SqlClient; clientConfig: Config }

/**
 * Once connected (migrations done), statements run on connections that wait for another
 * process's lock without holding up the server and are replaced when a wait leaves one stuck
 * (lib/server/busyRetry).
 */
const waitWithoutBlocking = async (db: ConnectedSqlite): Promise<void> => {
  await retryWhenBusy(db.client, () => createClient(db.clientConfig) as unknown as SqlClient)
}

/** Whether this database takes its schema from the committed migrations (not a uuid lane). */
export const usesMigrations = (payload: Payload): boolean =>
  payload.db.name === 'sqlite' && (payload.db as unknown as { idType?: string }).idType !== 'uuid'
