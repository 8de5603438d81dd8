/**
 * `npm run bench -- --comments [--seconds 15] [--profile DIR]`: the comment flood alone, to
 * work on the write path. The production build on a fresh SQLite database, seeded as
 * `npm run bench` seeds it, then a static file for a few seconds (the machine's ceiling, so runs
 * on a busy machine compare) and `npm run bench`'s comment flood: 20 connections POSTing to
 * /api/comments. Prints req/s, p50 and p99, and the database operations per comment from the
 * query log. --profile DIR runs the server under `node --cpu-prof` and leaves its profile there;
 * --keep-db FILE keeps a copy of the database as the flood left it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { REFERENCE_POST_SLUG } from '@/tools/seed'
import { issueFormToken } from '@/lib/comments/formToken'
import { localPayload, startServer } from '@/tests/support/server'

import { commentRequests } from './commentFlood'
import { load } from './load'
import { log } from './report'
import { cpuMs } from './serverCpu'
import { seedBenchComments, seedReturningReader } from './seedComments'
import { countLines, findBenchPosts, startStaticServer } from './setup'

const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/** The query log's lines from `from` on, counted by operation ("count comments": 3). */
const operationsSince = (file: string, from: number): Map<string, number> => {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(from)
  const counts = new Map<string, number>()
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1)
  return counts
}

export const benchCommentWrite = async () => {
  const seconds = Number(option('--seconds') ?? 15)
  const profileDir = option('--profile')
  const queryLog = path.join(os.tmpdir(), `inkwell-bench-comment-queries-${process.pid}.log`)
  if (profileDir) mkdirSync(path.resolve(profileDir), { recursive: true })
  log(`Starting the production server on a fresh SQLite database (build ${readBuildId()})…`)
  const server = await startServer({
    serverOnlyEnv: {
      INKWELL_QUERY_LOG: queryLog,
      TRUSTED_PROXY_HOPS: '1',
    },
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [],
  })
  let payload: Payload | undefined
  let baseline: { url: string; stop: () => void } | undefined
  try {
    payload = await localPayload(server)
    const { reference } = await findBenchPosts(payload)
    await seedBenchComments(payload, reference.id, 20)
    const postUrl = `${server.url}/posts/${REFERENCE_POST_SLUG}`
    const postHtml = await (await fetch(postUrl)).text()
    const saved = path.join(os.tmpdir(), `inkwell-bench-comment-post-${process.pid}.html`)
    writeFileSync(saved, postHtml)
    baseline = await startStaticServer(saved)

    const returning = await seedReturningReader(payload, reference.id, 'reader1@example.com')
    const token = issueFormToken(payload.secret, reference.id, Date.now() - 10_000)
    const commentRequest = commentRequests(reference.id, token, returning)
    const url = `${server.url}/api/comments?depth=0`
    const probe = await fetch(url, commentRequest(0))
    if (probe.status !== 201) {
      throw new Error(`A comment submission was refused: ${probe.status} ${await probe.text()}`)
    }

    log('Loading the static file for 5 s…')
    const ceiling = await load({ url: baseline.url, duration: 5 })
    log(`Flooding ${url} for ${seconds} s…`)
    const before = await countLines(queryLog)
    const cpuBefore = cpuMs(server.child.pid)
    let n = 0
    const flood = await load({
      url,
      method: 'POST',
      duration: seconds,
      requests: [{ setupRequest: (request) => ({ ...request, ...commentRequest(++n) }) }],
    })
    const cpuAfter = cpuMs(server.child.pid)
    const operations = operationsSince(queryLog, before)
    const total = [...operations.values()].reduce((a, b) => a + b, 0)
    const { totalDocs: stored } = await payload.count({ collection: 'comments' })

    log(`\ncomment flood, ${seconds} s, 20 connections (${os.cpus().length} cores)`)
    log(`static file    ${ceiling.rps} req/s, p50 ${ceiling.p50} ms, p99 ${ceiling.p99} ms`)
    log(
      `comments       ${flood.rps} req/s, p50 ${flood.p50} ms, p99 ${flood.p99} ms, ` +
        `${flood.requests} sent, ${flood.failures} failed, ${stored} stored`,
    )
    log(`of baseline    ${Math.round((flood.rps / (ceiling.rps || 1)) * 10_000) / 100}%`)
    if (cpuBefore !== null && cpuAfter !== null) {
      const perComment = (cpuAfter - cpuBefore) / (flood.requests || 1)
      log(`server CPU per comment: ${perComment.toFixed(2)} ms`)
    }
    log(`database operations per comment: ${(total / (flood.requests || 1)).toFixed(2)}`)
    for (const [name, count] of [...operations].sort((a, b) => b[1] - a[1])) {
      log(`  ${(count / (flood.requests || 1)).toFixed(2).padStart(6)}  ${name}`)
    }
  } catch (error) {
    log(`Server log (last lines):\n${server.logs().split('\n').slice(-30).join('\n')}`)
    throw error
  } finally {
    baseline?.stop()
    await payload?.destroy()
    const keep = option('--keep-db')
    for (const end of keep ? ['', '-wal', '-shm'] : []) {
      const file = path.join(server.dir, `inkwell.db${end}`)
      if (existsSync(file)) copyFileSync(file, `${keep}${end}`)
    }
    // SIGTERM: the server shuts down and exits, and only then does --cpu-prof write its profile.
    await server.stop()
  }
}

const readBuildId = () => {
  try {
    return readFileSync('.next/BUILD_ID', 'utf8').trim()
  } catch {
    return 'none'
  }
}
