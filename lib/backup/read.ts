import { createReadStream } from 'node:fs'
import { createGunzip } from 'node:zlib'

import { BackupRefused, MANIFEST_NAME, type Manifest, checkFiles, parseManifest } from './manifest'
import { ArchiveError, untar } from './tar'

/**
 * Unpacks an archive into `dir` (a staging folder) and checks it whole: readable, with a manifest
 * and every checksum right. Anything else is a BackupRefused saying what is wrong.
 */
export const unpackVerified = async (archive: string, dir: string): Promise<Manifest> => {
  let unpacked: Awaited<ReturnType<typeof untar>>
  try {
    unpacked = await untar(createReadStream(archive).pipe(createGunzip()), dir, MANIFEST_NAME)
  } catch (error) {
    if (error instanceof ArchiveError) throw new BackupRefused(error.message)
    const why = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new BackupRefused(`The archive cannot be read (${why}): it is damaged or not a backup.`)
  }
  const manifest = parseManifest(unpacked.kept)
  checkFiles(manifest, unpacked.files)
  return manifest
}
