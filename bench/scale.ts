/**
 * `npm run bench -- --scale [--posts 1000,10000] [--quick]`: how each page's cost grows with the
 * content. For each size it generates a WordPress export (that many posts, 0-4 comments each,
 * one busy post with 1,200 comments in threads), imports it with `npm run import:wordpress` into
 * a fresh production server's database, then measures the importer (time, peak memory) and each
 * page: its size, its first (uncached) view and req/s. Writes bench/results.scale.json.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import { startServer } from '@/tests/support/server'

import { GZIP } from './checkPage'
import { type LoadResult, load } from './load'
import { kb, log } from './report'
import { type ImportFigures, importSynthetic } from './scaleImport'
import { cpuPerRequest } from './serverCpu'
import { syntheticCounts } from './syntheticWxr'

const BUSY_COMMENTS = 1200
/** Comments on the normal post the busy one is compared with (post-1, from the export too). */
const NORMAL_COMMENTS = 20
/** Top-level threads per comment page (the moderation setting's default). */
const THREADS_PER_PAGE = 50

type PageFigures = {
  name: string
  path: string
  kb: number
  gzipKb: number
  /** The page's first view after the import: an uncached render (search: a new query each time). */
  firstViewMs: number
  /** The server's CPU time per answer under the load (bench/serverCpu.ts), the client's excluded. */
  serverMs: number | null
} & LoadResult

type SizeFigures = { posts: number; import: ImportFigures; pages: PageFigures[] }

const timed = async (url: string, headers?: Record<string, string>) => {
  const started = performance.now()
  const res = await fetch(url, { headers })
  const body = await res.text()
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}.`)
  if (headers?.['accept-encoding'] && res.headers.get('content-encoding') !== 'gzip') {
    throw new Error(`${url} was not gzipped when asked to be.`)
  }
  return { ms: Math.round(performance.now() - started), body }
}

type Target = {
  name: string
  path: string
  /** Asks a new question each request (search), so every answer is uncached. */
  search?: boolean
  /** Asks as browsers and the edge do (Accept-Encoding: gzip); sizes are then what is sent. */
  gzip?: boolean
  /** One of the pages compared with each other: loaded in alternating rounds (see ROUNDS). */
  compared?: boolean
}

/**
 * The busy thread and the normal post are loaded in turn, ROUNDS times, and each figure is the
 * median of its rounds: loaded once each, one after the other, a drift of this shared machine
 * between the two runs (it moved their ratio by 20 points run to run) fell on one page only.
 */
const ROUNDS = 3

const EMPTY_LOAD = { rps: 0, p50: 0, p99: 0, requests: 0, failures: 0, serverMs: null }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!

type Loaded = LoadResult & { serverMs: number | null }

/** One figure per field: the median of the rounds (failures: their sum). */
const medianOf = (runs: Loaded[]) => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  requests: runs.reduce((sum, r) => sum + r.requests, 0),
  failures: runs.reduce((sum, r) => sum + r.failures, 0),
  serverMs: runs.some((r) => r.serverMs === null)
    ? null
    : median(runs.map((r) => r.serverMs as number)),
})

/**
 * The pages the bench follows, by address. The busy thread and the normal post are measured
 * twice: plain, and gzipped as every browser and the edge ask for them, where the server sends
 * a compression it made once (scripts/compression.mjs).
 */
const targets = (posts: number, sitemapFile: string): Target[] => {
  const busyThreads = Math.ceil(BUSY_COMMENTS / 4)
  const lastCommentPage = Math.ceil(busyThreads / THREADS_PER_PAGE)
  return [
    { name: 'home', path: '/' },
    { name: 'category archive', path: '/categories/treatments' },
    { name: 'archive, middle page', path: `/page/${Math.max(1, Math.floor(posts / 20))}` },
    { name: 'search (uncached)', path: '/search?q=', search: true },
    { name: 'sitemap.xml', path: '/sitemap.xml' },
    { name: 'sitemap, largest file', path: sitemapFile },
    { name: 'busy thread, page 1', path: '/posts/post-0', compared: true },
    { name: 'busy thread, last page', path: `/posts/post-0/comments/${lastCommentPage}` },
    { name: 'post with 20 comments', path: '/posts/post-1', compared: true },
    { name: 'busy thread, page 1, gzip', path: '/posts/post-0', gzip: true, compared: true },
    { name: 'post with 20 comments, gzip', path: '/posts/post-1', gzip: true, compared: true },
  ]
}

/**
 * The sitemap file a crawler fetches that lists the most pages: /sitemap.xml itself while
 * everything fits one file, else the first file of posts its index names (always full).
 */
const largestSitemapFile = async (base: string) => {
  const body = await (await fetch(`${base}/sitemap.xml`)).text()
  if (!body.includes('<sitemapindex')) return '/sitemap.xml'
  const first = /<loc>([^<]+)<\/loc>/.exec(body)?.[1]
  if (!first) throw new Error('The sitemap index names no files.')
  return new URL(first).pathname
}

const WORDS = ['massage', 'stretch', 'posture', 'tendon', 'balance', 'recovery', 'mobility']
let queries = 0
/**
 * A question not asked before in this run, so its answer is not cached, and as a reader asks
 * one: two words most posts have and a number only one post has ("Post 417: ..."), so every
 * answer finds that one post whatever the blog's size.
 */
const freshQuery = (posts: number) => {
  const q = queries++
  const pair = Math.floor(q / posts)
  return `${WORDS[pair % WORDS.length]} ${WORDS[(pair + 1 + Math.floor(pair / WORDS.length)) % WORDS.length]} ${q % posts}`
}

/** Loads the compared targets in turn, ROUNDS times; each one's figures are its median. */
const loadInRounds = async (
  pid: number | undefined,
  base: string,
  compared: Target[],
  seconds: number,
) => {
  const runs: Loaded[][] = compared.map(() => [])
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, target] of compared.entries()) {
      log(`Loading ${target.name} for ${seconds} s (round ${round} of ${ROUNDS})…`)
      const options = {
        url: `${base}${target.path}`,
        duration: seconds,
        headers: target.gzip ? GZIP : undefined,
      }
      runs[i]!.push(await cpuPerRequest(pid, () => load(options)))
    }
  }
  return runs.map(medianOf)
}

const measureSize = async (posts: number, seconds: number): Promise<SizeFigures> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-scale-'))
  log(`\n${posts} posts: starting a production server on a fresh SQLite database…`)
  const server = await startServer({ seed: false })
  try {
    log(`Importing a generated export of ${posts} posts…`)
    const imported = await importSynthetic(
      dir,
      { posts, busyComments: BUSY_COMMENTS, secondComments: NORMAL_COMMENTS },
      { ...server.env, REVALIDATE_URL: server.url },
    )
    log(`  ${imported.items} items in ${imported.seconds} s, peak ${imported.peakRssMb} MB`)
    const pages: PageFigures[] = []
    const compared: { target: Target; index: number }[] = []
    for (const target of targets(posts, await largestSitemapFile(server.url))) {
      const url = (q = freshQuery(posts)) =>
        `${server.url}${target.path}${target.search ? encodeURIComponent(q) : ''}`
      const headers = target.gzip ? GZIP : undefined
      const first = await timed(url(), headers)
      // A search that found nothing would measure the cheap way out, not a search.
      if (target.search && !first.body.includes('1 post found.')) {
        throw new Error(`The bench's search did not find its one post: ${target.path}`)
      }
      const figures = {
        name: target.name,
        path: target.path,
        kb: kb(Buffer.byteLength(first.body)),
        gzipKb: kb(gzipSync(first.body).length),
        firstViewMs: first.ms,
      }
      if (target.compared) {
        compared.push({ target, index: pages.length })
        pages.push({ ...figures, ...EMPTY_LOAD })
        continue
      }
      log(`Loading ${target.name} for ${seconds} s…`)
      const result = await cpuPerRequest(server.child.pid, () =>
        load(
          target.search
            ? {
                url: url(),
                duration: seconds,
                requests: [
                  {
                    setupRequest: (r) => ({
                      ...r,
                      path: `${target.path}${encodeURIComponent(freshQuery(posts))}`,
                    }),
                  },
                ],
              }
            : { url: url(), duration: seconds, headers },
        ),
      )
      pages.push({ ...figures, ...result })
    }
    const figures = await loadInRounds(
      server.child.pid,
      server.url,
      compared.map((c) => c.target),
      seconds,
    )
    compared.forEach((c, i) => (pages[c.index] = { ...pages[c.index]!, ...figures[i]! }))
    return { posts, import: imported, pages }
  } catch (error) {
    log(`Server log (last lines):\n${server.logs().split('\n').slice(-30).join('\n')}`)
    throw error
  } finally {
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

const ratio = (a: number, b: number) => Math.round((a / (b || 1)) * 100) / 100
const percent = (r: number | null) => (r === null ? '-' : `${Math.round(r * 100)}%`)

const printScale = (sizes: SizeFigures[]) => {
  log(`\ninkwell scale bench, 20 connections`)
  log('posts   items   import s  items/s  peak MB')
  for (const s of sizes) {
    const perSecond = Math.round(s.import.items / s.import.seconds)
    log(
      `${String(s.posts).padEnd(8)}${String(s.import.items).padEnd(8)}${String(s.import.seconds).padStart(8)}${String(perSecond).padStart(9)}${String(s.import.peakRssMb).padStart(9)}`,
    )
  }
  log(
    'page                             posts     kB  gzip kB  first ms   req/s  p99 ms  srv ms  failures',
  )
  for (const s of sizes) {
    for (const p of s.pages) {
      log(
        `${p.name.padEnd(33)}${String(s.posts).padStart(5)}${String(p.kb).padStart(7)}${String(p.gzipKb).padStart(9)}${String(p.firstViewMs).padStart(10)}${String(p.rps).padStart(8)}${String(p.p99).padStart(8)}${String(p.serverMs ?? '-').padStart(8)}${String(p.failures).padStart(10)}`,
      )
    }
  }
}

const page = (s: SizeFigures, name: string) => s.pages.find((p) => p.name === name)!

/** How many of `of`'s answers the server's CPU makes in the time of one of `base`'s (inverted). */
const serverRate = (s: SizeFigures, of: string, base: string) => {
  const [a, b] = [page(s, of).serverMs, page(s, base).serverMs]
  return a && b ? ratio(b, a) : null
}

/** How the largest size compares with the smallest, and the busy thread with a normal post. */
const compare = (sizes: SizeFigures[]) => {
  const small = sizes[0]!
  const large = sizes[sizes.length - 1]!
  const growth = small.pages.map((p) => ({
    name: p.name,
    firstView: ratio(page(large, p.name).firstViewMs, p.firstViewMs),
    rps: ratio(page(large, p.name).rps, p.rps),
  }))
  const busy = sizes.map((s) => ({
    posts: s.posts,
    firstPageKb: page(s, 'busy thread, page 1').kb,
    firstPageGzipKb: page(s, 'busy thread, page 1').gzipKb,
    rpsOfNormalPost: ratio(
      page(s, 'busy thread, page 1').rps,
      page(s, 'post with 20 comments').rps,
    ),
    rpsOfNormalPostGzip: ratio(
      page(s, 'busy thread, page 1, gzip').rps,
      page(s, 'post with 20 comments, gzip').rps,
    ),
    // The rate the server alone could keep, from its CPU time per answer: the load generator
    // shares the two cores and reads each answer's bytes, which the req/s above also measure.
    serverRateOfNormalPost: serverRate(s, 'busy thread, page 1', 'post with 20 comments'),
    serverRateOfNormalPostGzip: serverRate(
      s,
      'busy thread, page 1, gzip',
      'post with 20 comments, gzip',
    ),
  }))
  const importPerItem = ratio(
    large.import.seconds / large.import.items,
    small.import.seconds / small.import.items,
  )
  log(`\n${large.posts} posts against ${small.posts} (1 = flat; first view: time, req/s: rate)`)
  for (const g of growth) log(`  ${g.name.padEnd(31)} first view x${g.firstView}, req/s x${g.rps}`)
  for (const b of busy) {
    log(
      `busy thread page 1 at ${b.posts} posts: ${b.firstPageKb} kB (${b.firstPageGzipKb} kB gzipped), ${Math.round(b.rpsOfNormalPost * 100)}% of the req/s of the post with 20 comments plain, ${Math.round(b.rpsOfNormalPostGzip * 100)}% gzipped; by the server's CPU per answer ${percent(b.serverRateOfNormalPost)} plain, ${percent(b.serverRateOfNormalPostGzip)} gzipped`,
    )
  }
  log(`import time per item, ${large.posts} posts against ${small.posts}: x${importPerItem}`)
  return { growth, busy, importTimePerItem: importPerItem }
}

export const benchScale = async ({ quick, argv }: { quick: boolean; argv: string[] }) => {
  const at = argv.indexOf('--posts')
  const sizes = (at >= 0 ? (argv[at + 1] ?? '') : '1000,10000')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
  if (sizes.length === 0) throw new Error('--posts takes sizes like 1000,10000.')
  const seconds = quick ? 2 : 5
  const results: SizeFigures[] = []
  for (const posts of sizes) results.push(await measureSize(posts, seconds))
  printScale(results)
  const comparison = compare(results)
  const out = quick ? 'bench/results.scale.quick.json' : 'bench/results.scale.json'
  const record = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    secondsPerTarget: seconds,
    connections: 20,
    busyComments: syntheticCounts({ posts: 1, busyComments: BUSY_COMMENTS }).busyComments,
    sizes: results,
    comparison,
  }
  await writeFile(out, `${JSON.stringify(record, null, 2)}\n`)
  log(`Wrote ${out}`)
}
