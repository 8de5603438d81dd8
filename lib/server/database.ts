import fs from 'node:fs'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Payload } from 'payload'

import { migrations } from '@/migrations/sqlite'

export type DatabaseKind = 'sqlite' | 'mongodb'

/** How SQLite numbers its rows: integers (the default) or uuid strings, as MongoDB's ids are. */
export type SqliteIdType = 'number' | 'uuid'

const DEFAULT_SQLITE_URL = 'file:./data/inkwell.db'

/** Which adapter a DATABASE_URI selects: MongoDB for mongodb:// and mongodb+srv://, else SQLite. */
export const databaseKind = (uri: string | undefined): DatabaseKind =>
  uri && /^mongodb(\+srv)?:\/\//.test(uri) ? 'mongodb' : 'sqlite'

/** The SQLite URL to open, defaulting to a file under data/ whose folder is created if missing. */
export const sqliteUrl = (uri: string | undefined): string => {
  const url = uri && uri.trim() !== '' ? uri : DEFAULT_SQLITE_URL
  if (!url.startsWith('file:')) {
    throw new Error(
      `DATABASE_URI must be empty, file:..., mongodb:// or mongodb+srv://; got "${url}"`,
    )
  }
  const file = url.slice('file:'.length)
  if (file && file !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  return url
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

type PushableDatabase = {
  connect: (options?: unknown) => Promise<void>
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
 * The committed migrations are written for integer ids, so a uuid database gets its tables from
 * the collections themselves (Drizzle's push) each time it connects, in production mode too, where
 * Payload's own push is off. A push that would lose data stops the start instead of asking.
 */
const withSchemaPush = (adapter: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args)
    const pushable = db as unknown as PushableDatabase
    const connect = pushable.connect
    pushable.connect = async function (this: PushableDatabase, options?: unknown) {
      await connect.call(this, options)
      const { apply, warnings } = await this.requireDrizzleKit().pushSchema(
        this.schema,
        this.drizzle,
      )
      if (warnings.length) throw new Error(`Schema push refused:\n${warnings.join('\n')}`)
      await apply()
    }
    return db
  },
})

/** The SQLite adapter: schema from the committed migrations, or pushed for uuid ids. */
export const sqliteDatabase = ({
  uri,
  migrationDir,
  idType = sqliteIdType(process.env.DATABASE_ID_TYPE),
}: {
  uri: string | undefined
  migrationDir: string
  idType?: SqliteIdType
}): DatabaseAdapterObj => {
  const options = {
    client: { url: sqliteUrl(uri) },
    // WAL lets readers proceed while a write is in progress; the timeout makes a second
    // process (a script, a test) wait for a lock instead of failing with SQLITE_BUSY.
    wal: true,
    busyTimeout: 5000,
    // Never Payload's own push: dev, test and production all build the schema from the committed
    // migrations, so a database made by `npm run dev` also works under `npm start`.
    push: false,
    migrationDir,
  } as const
  if (idType === 'uuid') return withSchemaPush(sqliteAdapter({ ...options, idType: 'uuid' }))
  return sqliteAdapter({ ...options, prodMigrations: migrations })
}

/** Whether this database takes its schema from the committed migrations (not a uuid lane). */
export const usesMigrations = (payload: Payload): boolean =>
  payload.db.name === 'sqlite' && (payload.db as unknown as { idType?: string }).idType !== 'uuid'
