import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'

import { MANIFEST_NAME } from '@/lib/backup/manifest'
import { tarBuffer, tarEnd, tarFile, untar } from '@/lib/backup/tar'

/** Runs scripts/backup.ts or scripts/restore.ts as npm would, with exactly the given variables. */
export const runCli = (script: string, args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/run.mjs', `scripts/${script}`, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...env,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    child.on('exit', (code) => resolve({ code: code ?? 1, output }))
  })

export const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex')

/** Every file under a folder with its sha256, by path relative to it. */
export const hashesUnder = async (dir: string): Promise<Record<string, string>> => {
  const result: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    result[path.relative(dir, file)] = await sha256(file)
  }
  return result
}

/** Rewrites an archive with its manifest changed, as a hand (or another release) might. */
export const rewriteManifest = async (
  archive: string,
  into: string,
  work: string,
  change: (manifest: Record<string, unknown>) => void,
) => {
  const { files, kept } = await untar(
    createReadStream(archive).pipe(createGunzip()),
    work,
    MANIFEST_NAME,
  )
  const manifest = JSON.parse(kept!.toString()) as Record<string, unknown>
  change(manifest)
  async function* blocks() {
    for (const name of files.keys()) {
      if (name === MANIFEST_NAME) continue
      const file = path.join(work, name)
      yield* tarFile(name, file, (await stat(file)).size, () => {})
    }
    yield* tarBuffer(MANIFEST_NAME, Buffer.from(JSON.stringify(manifest)))
    yield tarEnd()
  }
  await pipeline(Readable.from(blocks()), createGzip(), createWriteStream(into))
}

/** A copy of a file with one byte flipped in its middle. */
export const damagedCopy = async (file: string, into: string) => {
  const bytes = await readFile(file)
  bytes[Math.floor(bytes.length / 2)]! ^= 0xff
  await writeFile(into, bytes)
}
