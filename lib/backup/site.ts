import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { databaseKind, sqliteUrl } from '../server/database'
import { mediaDir } from '../paths'
import { s3Settings } from '../../plugins/storage'

/** Where this site's data lives, as DATABASE_URI, MEDIA_DIR and S3_BUCKET say. */
export const siteFiles = (env: NodeJS.ProcessEnv = process.env) => {
  const kind = databaseKind(env.DATABASE_URI)
  return {
    kind,
    databaseFile:
      kind === 'sqlite'
        ? path.resolve(
            /* turbopackIgnore: true */ sqliteUrl(env.DATABASE_URI).slice('file:'.length),
          )
        : null,
    mediaDir: s3Settings(env) ? null : mediaDir(),
  }
}

/** Scheduled backups go to BACKUP_DIR, by default backups/ in the app's folder. */
export const defaultBackupDir = (env: NodeJS.ProcessEnv = process.env): string =>
  path.resolve(/* turbopackIgnore: true */ process.cwd(), env.BACKUP_DIR || 'backups')

export const appVersion = async (): Promise<string> => {
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), 'package.json')
  const pkg = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { version?: string }
  return pkg.version ?? 'unknown'
}

export const MONGODB_REFUSAL =
  'The database is MongoDB: back it up with mongodump and restore it with mongorestore (see the README, Operating it).'
