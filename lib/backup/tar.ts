import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open } from 'node:fs/promises'
import path from 'node:path'

const MAX_IN_MEMORY_BYTES = 1 << 20
/**
 * A minimal POSIX ustar writer and reader, enough for our own archives (regular files only), so
 * backups need no dependency and open with any `tar`.
 */
const BLOCK = 512
const END = Buffer.alloc(BLOCK * 2)

export class ArchiveError extends Error {}

const octal = (value: number, width: number): string =>
  value.toString(8).padStart(width - 1, '0') + '\0'

/** Splits a long name into ustar's prefix and name fields (155 + 100 bytes). */
const splitName = (name: string): { prefix: string; base: string } => {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', base: name }
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i)
    const base = name.slice(i + 1)
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) return { prefix, base }
  }
  throw new ArchiveError(`File name too long for the archive: ${name}`)
}

export const tarHeader = (name: string, size: number, mtime = new Date()): Buffer => {
  const header = Buffer.alloc(BLOCK)
  const { prefix, base } = splitName(name)
  header.write(base, 0, 100)
  header.write(octal(0o644, 8), 100)
  header.write(octal(0, 8), 108)
  header.write(octal(0, 8), 116)
  header.write(octal(size, 12), 124)
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136)
  header.write('        ', 148)
  header.write('0', 156)
  header.write('ustar\0', 257)
  header.write('00', 263)
  header.write(prefix, 345, 155)
  header.write(octal(checksumOf(header), 7) + ' ', 148)
  return header
}

const checksumOf = (header: Buffer): number => {
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!
  return sum
}

const padding = (size: number): Buffer => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK)

export type FileDigest = { size: number; sha256: string }

/**
 * Yields one file as tar blocks and reports its checksum once read. The size is fixed when the
 * header is written, so a file that changes length meanwhile stops the backup.
 */
export async function* tarFile(
  name: string,
  file: string,
  size: number,
  done: (digest: FileDigest) => void,
): AsyncGenerator<Buffer> {
  yield tarHeader(name, size)
  const hash = createHash('sha256')
  let read = 0
  if (size > 0) {
    for await (const chunk of createReadStream(file, { start: 0, end: size - 1 })) {
      hash.update(chunk as Buffer)
      read += (chunk as Buffer).length
      yield chunk as Buffer
    }
  }
  if (read !== size) throw new ArchiveError(`${name} changed while it was being archived.`)
  yield padding(size)
  done({ size, sha256: hash.digest('hex') })
}

export function* tarBuffer(name: string, data: Buffer): Generator<Buffer> {
  yield tarHeader(name, data.length)
  yield data
  yield padding(data.length)
}

export const tarEnd = (): Buffer => END

/** Reads exact byte counts from a stream of chunks (the gunzipped archive). */
class ByteReader {
  private chunks: Buffer[] = []
  private length = 0
  private ended = false
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(min: number): Promise<void> {
    while (this.length < min && !this.ended) {
      const next = await this.source.next()
      if (next.done) this.ended = true
      else {
        this.chunks.push(next.value)
        this.length += next.value.length
      }
    }
    if (this.length < min) throw new ArchiveError('The archive ends in the middle of a file.')
  }

  async exactly(n: number): Promise<Buffer> {
    await this.fill(n)
    const all = Buffer.concat(this.chunks)
    this.chunks = [all.subarray(n)]
    this.length -= n
    return all.subarray(0, n)
  }

  /** At most n bytes, at least one: file contents stream through without being gathered. */
  async some(n: number): Promise<Buffer> {
    await this.fill(1)
    // `exactly` can leave an empty chunk in front of the ones read after it: skip it, never
    // gather it with the others (which stay in the list and would be read twice).
    while (!this.chunks[0]!.length) this.chunks.shift()
    const first = this.chunks[0]!
    const part = first.subarray(0, Math.min(n, first.length))
    this.chunks[0] = first.subarray(part.length)
    if (!this.chunks[0].length) this.chunks.shift()
    this.length -= part.length
    return part
  }
}

const field = (header: Buffer, start: number, length: number): string =>
  header.toString('utf8', start, start + length).replace(/\0.*$/s, '')

/** Only names our backups write: no absolute paths, no `..`, nothing outside the target. */
const safeName = (name: string): string => {
  const parts = name.split('/')
  if (
    !name ||
    name.startsWith('/') ||
    name.includes('\\') ||
    parts.some((p) => !p || p === '..' || p === '.')
  ) {
    throw new ArchiveError(`The archive holds a file with an unsafe name: ${JSON.stringify(name)}`)
  }
  return name
}

/**
 * Unpacks a tar stream into `dir`, hashing each file on the way; `keepInMemory` names files
 * returned as bytes instead (the manifest). Anything but a regular file is refused.
 */
export const untar = async (
  source: AsyncIterable<Buffer>,
  dir: string,
  keepInMemory: string,
): Promise<{ files: Map<string, FileDigest>; kept: Buffer | null }> => {
  const reader = new ByteReader(source[Symbol.asyncIterator]())
  const files = new Map<string, FileDigest>()
  let kept: Buffer | null = null
  for (;;) {
    const header = await reader.exactly(BLOCK)
    if (header.every((b) => b === 0)) break
    if (checksumOf(header) !== parseInt(field(header, 148, 8).trim(), 8)) {
      throw new ArchiveError('The archive is damaged (a file header fails its checksum).')
    }
    const prefix = field(header, 345, 155)
    const name = safeName(prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100))
    const type = field(header, 156, 1) || '0'
    if (type !== '0') throw new ArchiveError(`The archive holds something not a file: ${name}`)
    if (files.has(name)) throw new ArchiveError(`The archive holds ${name} twice.`)
    const size = parseInt(field(header, 124, 12).trim(), 8)
    const hash = createHash('sha256')
    const target = path.join(dir, name)
    const inMemory = name === keepInMemory
    // The file kept in memory is the manifest, a few kilobytes: a huge one is an attack.
    if (inMemory && !(size <= MAX_IN_MEMORY_BYTES)) {
      throw new ArchiveError(`The archive's ${name} is too large to be a manifest.`)
    }
    const parts: Buffer[] = []
    if (!inMemory) await mkdir(path.dirname(target), { recursive: true })
    const handle = inMemory ? null : await open(target, 'wx')
    try {
      for (let left = size; left > 0;) {
        const part = await reader.some(Math.min(left, 1 << 20))
        hash.update(part)
        if (handle) await handle.write(part)
        else parts.push(Buffer.from(part))
        left -= part.length
      }
    } finally {
      await handle?.close()
    }
    await reader.exactly(padding(size).length)
    files.set(name, { size, sha256: hash.digest('hex') })
    if (inMemory) kept = Buffer.concat(parts)
  }
  return { files, kept }
}
