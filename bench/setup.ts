// What the bench needs around the app it measures: Payload's packages loaded first, a plain file
// server for the baseline, and the query log's length.
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

const STATIC_PORT = 40_000 + (process.pid % 20_000)

export const countLines = async (file: string) =>
  existsSync(file) ? (await readFile(file, 'utf8')).split('\n').filter(Boolean).length : 0

/** Serves one saved page from memory in a child process; resolves once it listens. */
export const startStaticServer = (file: string) =>
  new Promise<{ url: string; stop: () => void }>((resolve, reject) => {
    const child = fork(path.resolve('bench/static-server.mjs'), [file, String(STATIC_PORT)], {
      execArgv: [],
    })
    child.once('error', reject)
    child.once('message', () =>
      resolve({ url: `http://127.0.0.1:${STATIC_PORT}/`, stop: () => child.kill() }),
    )
  })

/**
 * Payload's packages are loaded before any server is started. On Node 20 their ES modules now
 * and then never finish loading (scripts/run.mjs). With a server child running, Node would wait
 * beside it forever; with nothing else running it exits, and run.mjs runs the bench again.
 * (Seen once in CI: the bench sat idle after starting its server.) The config itself is loaded
 * later, once the test database's environment is set.
 */
export const loadPayloadPackages = async () => {
  await import('payload')
  await import('@payloadcms/richtext-lexical')
  await import('@payloadcms/db-sqlite')
}
