import { z } from 'zod'

import type { FileDigest } from './tar'

/** What a backup says about itself; restore trusts nothing in the archive until this checks out. */
export const MANIFEST_NAME = 'manifest.json'
export const DATABASE_ENTRY = 'database/inkwell.db'
export const UPLOADS_PREFIX = 'uploads/'

const manifestSchema = z.object({
  format: z.literal('inkwell-backup'),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  /** The last migration applied to the archived database; null for a pushed (uuid) schema. */
  schemaVersion: z.string().nullable(),
  database: z.literal('sqlite'),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  uploads: z.object({ included: z.boolean(), note: z.string().optional() }),
  /** Every file in the archive but this manifest, with its size and sha256. */
  files: z.record(
    z.string(),
    z.object({ size: z.number().int().nonnegative(), sha256: z.string() }),
  ),
})

export type Manifest = z.infer<typeof manifestSchema>

export class BackupRefused extends Error {}

/** The archive's file name for a moment: inkwell-backup-2026-12-01T02-30-00Z.tar.gz */
export const archiveName = (at: Date): string =>
  `inkwell-backup-${at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')}.tar.gz`

/** Only files named as archiveName names them: retention never deletes anything else. */
export const ARCHIVE_PATTERN = /^inkwell-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$/

export const parseManifest = (bytes: Buffer | null): Manifest => {
  if (!bytes)
    throw new BackupRefused('The archive has no manifest.json: it is not an inkwell backup.')
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new BackupRefused("The archive's manifest.json is not valid JSON.")
  }
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success) {
    throw new BackupRefused(
      `The archive's manifest.json is not an inkwell backup manifest (${parsed.error.issues[0]?.message}).`,
    )
  }
  return parsed.data
}

/** Every file the manifest lists is in the archive with its checksum, and nothing else is. */
export const checkFiles = (manifest: Manifest, found: Map<string, FileDigest>): void => {
  for (const [name, expected] of Object.entries(manifest.files)) {
    const actual = found.get(name)
    if (!actual) throw new BackupRefused(`The archive is damaged: ${name} is missing.`)
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256) {
      throw new BackupRefused(`The archive is damaged: ${name} fails its checksum.`)
    }
  }
  for (const name of found.keys()) {
    if (name !== MANIFEST_NAME && !(name in manifest.files)) {
      throw new BackupRefused(`The archive holds ${name}, which its manifest does not list.`)
    }
  }
  if (!(DATABASE_ENTRY in manifest.files)) throw new BackupRefused('The archive holds no database.')
}

/**
 * An archive this code can restore: its schema is one of our migrations (an older one is brought
 * up to date after the restore). A newer one came from a later release, whose data this code
 * could damage.
 */
export const checkSchema = (schemaVersion: string | null, known: string[]): void => {
  const latest = known.at(-1)
  if (schemaVersion === null || known.includes(schemaVersion)) return
  if (latest && schemaVersion > latest) {
    throw new BackupRefused(
      `The archive comes from a newer release (schema ${schemaVersion}; this code knows up to ${latest}). Restore it with that release or later.`,
    )
  }
  throw new BackupRefused(
    `The archive's schema ${schemaVersion} is not one of this code's migrations.`,
  )
}
