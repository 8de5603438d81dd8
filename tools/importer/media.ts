import { constants } from 'node:fs'
import { open, realpath, stat } from 'node:fs/promises'
import path from 'node:path'

/** The path under wp-content/uploads of a WordPress upload URL, without a "-300x188" size. */
export const uploadPath = (url: string): string | null => {
  const m = /\/wp-content\/uploads\/(.+)$/.exec(url.split(/[?#]/)[0] ?? '')
  if (!m?.[1]) return null
  return decodeURIComponent(m[1]).replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1')
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
}

export type UploadFile = { data: Buffer; mimetype: string; name: string; size: number }
/** Why a file is not read: not there, reaching out of the uploads folder, or not a plain file. */
export type UploadRefusal = 'missing' | 'outside' | 'not-a-file'
export type UploadRead = { file: UploadFile } | { refused: UploadRefusal }

const isInside = (folder: string, file: string) => file.startsWith(folder + path.sep)

/**
 * The file for an upload from the uploads folder, or why it is refused. An export names its
 * files, so a symlink in the folder (a file or a folder on the way) could make the import publish
 * any file the importing user can read: the real path must stay inside the real uploads folder.
 */
export const readUpload = async (mediaDir: string, relative: string): Promise<UploadRead> => {
  if (!isInside(path.resolve(mediaDir), path.resolve(mediaDir, relative))) {
    return { refused: 'outside' }
  }
  let root: string
  let real: string
  try {
    root = await realpath(mediaDir)
    real = await realpath(path.resolve(mediaDir, relative))
  } catch {
    return { refused: 'missing' }
  }
  if (!isInside(root, real)) return { refused: 'outside' }
  try {
    // A folder, a named pipe or a device is no upload (reading a pipe would wait forever).
    if (!(await stat(real)).isFile()) return { refused: 'not-a-file' }
    // Should the file be swapped meanwhile: O_NOFOLLOW refuses a link, O_NONBLOCK keeps a pipe
    // from holding the open, and the handle is checked again.
    const handle = await open(
      real,
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    )
    try {
      if (!(await handle.stat()).isFile()) return { refused: 'not-a-file' }
      const data = await handle.readFile()
      const name = path.basename(relative)
      const mimetype = MIME[path.extname(name).toLowerCase()] ?? 'application/octet-stream'
      return { file: { data, mimetype, name, size: data.length } }
    } finally {
      await handle.close()
    }
  } catch (error) {
    return { refused: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'outside' : 'missing' }
  }
}
