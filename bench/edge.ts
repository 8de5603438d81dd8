/**
 * `npm run bench -- --edge [--quick]`: the reference post (20 approved comments) sent by nginx
 * as a file (the ceiling), by the app directly and through Varnish with the project's VCL, each
 * plain and gzip, measured with wrk in one run; then publish -> visible through the edge.
 * Writes bench/results.edge.json (bench/results.edge.quick.json with --quick).
 */
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import os from 'node:os'

import type { Payload } from 'payload'

import { SETTLE_EXPIRY_MS } from '@/lib/settle.mjs'
import { REFERENCE_POST_SLUG } from '@/tools/seed'
import { type Process, startVarnish } from '@/tests/support/edge'
import { freePort } from '@/tests/support/ports'
import { type TestServer, localPayload, startServer } from '@/tests/support/server'

import { GZIP, checkPage, getRaw, warmEdge } from './checkPage'
import { startNginx } from './nginx'
import { seedBenchComments } from './seedComments'
import { timeUntilVisible } from './visibility'
import { type WrkResult, runWrk } from './wrk'

const log = (line: string) => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

type Target = { name: string; encoding: 'plain' | 'gzip'; bytes: number } & WrkResult

/** Runs the edge bench on its own seeded server (called by bench/run.ts), prints and records it. */
export const benchEdge = async ({ quick }: { quick: boolean }) => {
  const seconds = quick ? 2 : 10
  const edgePort = await freePort()
  log('Starting the production server and Varnish in front of it…')
  let server: TestServer | undefined
  let edge: Process | undefined
  let nginx: { url: string; stop: () => Promise<void> } | undefined
  let payload: Payload | undefined
  try {
    // Varnish takes purges only with the secret, which the app sends.
    const purgeSecret = randomUUID()
    server = await startServer({
      serverOnlyEnv: {
        TRUSTED_PROXY_HOPS: '1',
        EDGE_PURGE_URLS: `http://127.0.0.1:${edgePort}`,
        EDGE_PURGE_SECRET: purgeSecret,
      },
    })
    edge = await startVarnish([Number(new URL(server.url).port)], { port: edgePort, purgeSecret })
    payload = await localPayload(server)
    const { docs } = await payload.find({
      collection: 'posts',
      where: { slug: { equals: REFERENCE_POST_SLUG } },
      limit: 1,
      depth: 0,
    })
    const reference = docs[0]
    if (!reference) throw new Error('The demo content is missing the reference post.')
    await seedBenchComments(payload, reference.id, 20)

    const postPath = `/posts/${REFERENCE_POST_SLUG}`
    const appUrl = `${server.url}${postPath}`
    const edgeUrl = `${edge.url}${postPath}`
    for (let i = 0; i < 3; i++) await getRaw(appUrl)
    const html = (await getRaw(appUrl)).body.toString('utf8')
    nginx = await startNginx(html)

    const targets: Target[] = []
    for (const [name, url] of [
      ['nginx, same HTML as a file', nginx.url],
      ['app direct (npm start)', appUrl],
      ['through the edge (Varnish)', edgeUrl],
    ] as const) {
      for (const encoding of ['plain', 'gzip'] as const) {
        const gzip = encoding === 'gzip'
        if (url === edgeUrl) await warmEdge(url)
        const bytes = await checkPage(url, gzip, reference.title, 20)
        log(`Loading ${name}, ${encoding}, for ${seconds} s…`)
        // One unrecorded second first, so the app's code is compiled hot like the others'.
        await runWrk({ url, seconds: 1, headers: gzip ? GZIP : {} })
        const result = await runWrk({ url, seconds, headers: gzip ? GZIP : {} })
        targets.push({ name, encoding, bytes, ...result })
      }
    }

    // Each try starts from a cached page, once the purges that follow the last change are over.
    log('Timing publish -> visible through the edge…')
    const tries: number[] = []
    for (let i = 1; i <= (quick ? 3 : 5); i++) {
      if (i > 1) await sleep(Math.max(...SETTLE_EXPIRY_MS) + 500)
      await warmEdge(edgeUrl)
      const title = `${reference.title}, edge revision ${i}`
      const [ms] = await timeUntilVisible(
        () => payload!.update({ collection: 'posts', id: reference.id, data: { title }, depth: 0 }),
        [{ url: edgeUrl, text: title }],
      )
      tries.push(ms!)
    }

    const results = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      quick,
      load: `wrk -t2 -c20 -d${seconds}s --latency`,
      approvedCommentsOnPost: 20,
      targets: targets.map((t) => {
        const base = targets.find((b) => b.encoding === t.encoding)!
        return { ...t, ofNginx: Math.round((t.rps / base.rps) * 1000) / 10 }
      }),
      publishToVisibleThroughEdgeMs: { median: median(tries), tries },
    }
    printTable(results)
    const out = quick ? 'bench/results.edge.quick.json' : 'bench/results.edge.json'
    // Laid out as Prettier would, so the recorded file passes the format check as written.
    const { format, resolveConfig } = await import('prettier')
    const json = JSON.stringify(results, null, 2)
    await writeFile(out, await format(json, { ...(await resolveConfig(out)), parser: 'json' }))
    log(`Wrote ${out}`)
  } catch (error) {
    if (server) log(`Server log (last lines):\n${server.logs().split('\n').slice(-30).join('\n')}`)
    if (edge) log(`Varnish log (last lines):\n${edge.logs().split('\n').slice(-15).join('\n')}`)
    throw error
  } finally {
    await nginx?.stop()
    await payload?.destroy()
    await edge?.stop()
    await server?.stop()
  }
}

const printTable = (r: {
  date: string
  machine: string
  load: string
  targets: (Target & { ofNginx: number })[]
  publishToVisibleThroughEdgeMs: { median: number; tries: number[] }
}) => {
  log(`\ninkwell edge bench, ${r.date} (${r.machine}), ${r.load}`)
  log('target                        encoding   req/s  p99 ms    kB  % of nginx (same encoding)')
  for (const t of r.targets) {
    log(
      `${t.name.padEnd(30)}${t.encoding.padEnd(6)}${String(t.rps).padStart(9)}${String(t.p99).padStart(8)}${String(Math.round(t.bytes / 1024)).padStart(6)}${`${t.ofNginx}%`.padStart(12)}`,
    )
  }
  const visible = r.publishToVisibleThroughEdgeMs
  log(
    `publish -> visible through the edge: median ${visible.median} ms (tries: ${visible.tries.join(', ')} ms)`,
  )
}
