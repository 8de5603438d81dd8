import fs from 'node:fs'
import path from 'node:path'

export type DatabaseKind = 'sqlite' | 'mongodb'

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
