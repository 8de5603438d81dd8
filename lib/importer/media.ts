import { readFile } from 'node:fs/promises'
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

/** The file for an upload from the uploads folder, or null when it is not there. */
export const readUpload = async (mediaDir: string, relative: string) => {
  const file = path.resolve(mediaDir, relative)
  if (!file.startsWith(path.resolve(mediaDir) + path.sep)) return null
  try {
    const data = await readFile(file)
    const mimetype = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    return { data, mimetype, name: path.basename(file), size: data.length }
  } catch {
    return null
  }
}
