// What the bench (and the soak) need around the app they measure: Payload's packages loaded
// first, the demo posts they use, a plain file server for the baseline, and the query log's length.
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { REFERENCE_POST_SLUG } from '@/tools/seed'

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

/**
 * The demo posts the bench and the soak use: the reference post and the three latest others
 * (the first to see a change in Recent Posts, the second one nobody has opened yet).
 */
export const findBenchPosts = async (payload: Payload) => {
  const { docs: others } = await payload.find({
    collection: 'posts',
    sort: '-publishedAt',
    limit: 3,
    where: { slug: { not_equals: REFERENCE_POST_SLUG } },
    depth: 0,
  })
  const reference = (
    await payload.find({
      collection: 'posts',
      where: { slug: { equals: REFERENCE_POST_SLUG } },
      limit: 1,
      depth: 0,
    })
  ).docs[0]
  const other = others[0]
  if (!reference || !other) throw new Error('The demo content is missing its posts.')
  return { reference, other, others }
}
