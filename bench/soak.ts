/**
 * `npm run soak [-- --minutes N]` (default 10; fractions allowed): readers, commenters and an
 * editor together against the production build on a fresh SQLite database (the bench's: the demo
 * content plus 20 approved comments on the reference post) for N minutes. Reports errors, the
 * server's memory, whether readers saw the editor's changes, and comments acknowledged vs stored;
 * writes bench/results.soak.json. Fails on any error or a comment acknowledged but not stored.
 */
import { readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'

import { issueFormToken } from '@/lib/comments/formToken'
import { runScript } from '@/scripts/finished'
import { signIn, startServer, localPayload } from '@/tests/support/server'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { buildIsStale } from './build'
import { commentRequests } from './commentFlood'
import { log } from './report'
import { seedBenchComments, seedReturningReader } from './seedComments'
import { findBenchPosts, loadPayloadPackages } from './setup'
import {
  type RssSample,
  growthPerMinute,
  heapSamplesFromLogs,
  median,
  minutesFrom,
  rssMbFromStatus,
} from './soakFigures'
import { timeUntilVisible } from './visibility'

const READERS = 4
/** Each reader waits this long between its requests. */
const READER_PAUSE_MS = 25
/** One comment a second, each from its own address and email (within every flood rule). */
const COMMENT_EVERY_MS = 1000
const EDIT_EVERY_MS = 5000

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

type Edit = { title: string; atMs: number; seenMs?: number }

const main = async () => {
  const minutes = minutesFrom(process.argv.slice(2))
  const durationMs = minutes * 60_000
  // Samples every 30 s, more often on a short run so it still has a second half to measure.
  const sampleEveryMs = Math.min(30_000, Math.max(3_000, durationMs / 10))
  await loadPayloadPackages()
  // The soak never builds (a build takes the CPU it measures with); it says when it should.
  if (buildIsStale())
    log('Note: sources changed after the build (by file time); the soak runs the build as it is.')

  log('Starting the production server on a fresh SQLite database…')
  // The soak stands in for a proxy in front of the app: each comment comes from its own address.
  // The server also logs its heap after a full collection at every sample (scripts/heapLog.mjs).
  const server = await startServer({
    serverOnlyEnv: {
      TRUSTED_PROXY_HOPS: '1',
      NODE_OPTIONS: '--expose-gc',
      INKWELL_HEAP_LOG_MS: String(sampleEveryMs),
    },
  })
  const pid = server.child.pid!
  const payload = await localPayload(server)
  try {
    const { reference, other } = await findBenchPosts(payload)
    await seedBenchComments(payload, reference.id, 20)
    const returning = await seedReturningReader(payload, reference.id, 'reader1@example.com')
    const category = (await payload.find({ collection: 'categories', limit: 1, depth: 0 })).docs[0]
    const postUrl = `${server.url}/posts/${REFERENCE_POST_SLUG}`
    const pages = [
      `${server.url}/`,
      postUrl,
      category ? `${server.url}/categories/${category.slug}` : `${server.url}/posts/${other.slug}`,
      `${server.url}/feed.xml`,
      `${server.url}/search?q=massage`,
    ]
    const editor = await signIn(server, 'editor')

    const errors: string[] = []
    const fail = (what: string) => {
      if (errors.length < 1000)
        errors.push(`${((performance.now() - t0) / 1000).toFixed(1)} s ${what}`)
    }
    const rss = async () =>
      rssMbFromStatus(await readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''))
    const memory: RssSample[] = []
    const sample = async () => {
      const rssMb = await rss()
      if (rssMb !== undefined) memory.push({ atMs: Math.round(performance.now() - t0), rssMb })
    }

    log(`Soaking for ${minutes} min: ${READERS} readers, a comment a second, an edit every 5 s…`)
    const t0 = performance.now()
    const t0Epoch = Date.now()
    const end = t0 + durationMs
    const running = () => performance.now() < end
    await sample()

    const edits: Edit[] = []
    let pageViews = 0
    const reader = async () => {
      while (running()) {
        for (const url of pages) {
          if (!running()) break
          const edit = edits.at(-1)
          try {
            const res = await fetch(url, { redirect: 'manual' })
            const body = await res.text()
            pageViews++
            if (res.status >= 400) fail(`GET ${url}: ${res.status}`)
            else if (
              url === postUrl &&
              edit &&
              edit.seenMs === undefined &&
              body.includes(edit.title)
            ) {
              edit.seenMs = Math.round(performance.now() - t0 - edit.atMs)
            }
          } catch (error) {
            fail(`GET ${url}: ${String(error)}`)
          }
          await sleep(READER_PAUSE_MS)
        }
      }
    }

    // Every submission passes the whole screening; the form token is one a reader got 10 s ago.
    const token = issueFormToken(payload.secret, reference.id, Date.now() - 10_000)
    const commentRequest = commentRequests(reference.id, token, returning)
    const acknowledged: { id: number | string; body: string }[] = []
    const submit = async (n: number) => {
      const request = commentRequest(n)
      try {
        const res = await fetch(`${server.url}/api/comments?depth=0`, request)
        const answer = (await res.json().catch(() => ({}))) as { doc?: { id?: number | string } }
        if (res.status !== 201)
          return fail(`POST comment ${n}: ${res.status} ${JSON.stringify(answer)}`)
        const id = answer.doc?.id
        if (id === undefined) return fail(`POST comment ${n}: 201 without an id`)
        acknowledged.push({ id, body: (JSON.parse(request.body) as { body: string }).body })
      } catch (error) {
        fail(`POST comment ${n}: ${String(error)}`)
      }
    }
    const commenter = async () => {
      // Sent on the clock, not after the last answer, so a slow answer does not slow the rate.
      const inFlight: Promise<unknown>[] = []
      for (let n = 1; running(); n++) {
        inFlight.push(submit(n))
        await sleep(t0 + n * COMMENT_EVERY_MS - performance.now())
      }
      await Promise.all(inFlight)
    }

    const baseTitle = reference.title
    const editorLoop = async () => {
      for (let k = 1; running(); k++) {
        await sleep(EDIT_EVERY_MS)
        if (!running()) break
        const title = `${baseTitle} (soak edit ${k})`
        const atMs = Math.round(performance.now() - t0)
        try {
          const res = await fetch(`${server.url}/api/posts/${reference.id}?depth=0`, {
            method: 'PATCH',
            headers: { ...editor.headers, 'content-type': 'application/json' },
            body: JSON.stringify({ title }),
          })
          await res.text()
          if (res.status !== 200) fail(`PATCH post (edit ${k}): ${res.status}`)
          else edits.push({ title, atMs })
        } catch (error) {
          fail(`PATCH post (edit ${k}): ${String(error)}`)
        }
      }
    }

    const sampler = async () => {
      while (running()) {
        await sleep(Math.min(sampleEveryMs, end - performance.now()))
        if (running()) await sample()
      }
    }

    await Promise.all([
      ...Array.from({ length: READERS }, reader),
      commenter(),
      editorLoop(),
      sampler(),
    ])
    await sample()
    const elapsedMs = performance.now() - t0

    // The last edit must show once the load stops, whether or not a reader caught it.
    const last = edits.at(-1)
    let lastEditVisibleAfterStop = true
    if (last) {
      await timeUntilVisible(async () => {}, [{ url: postUrl, text: last.title }]).catch(() => {
        lastEditVisibleAfterStop = false
        fail(`the last edit ("${last.title}") did not show on the post page`)
      })
    }

    const ids = acknowledged.map((c) => c.id)
    const { docs: storedDocs } = await payload.find({
      collection: 'comments',
      where: { id: { in: ids } },
      pagination: false,
      depth: 0,
    })
    const bodies = new Map(storedDocs.map((d) => [String(d.id), d.body]))
    const stored = acknowledged.filter((c) => bodies.get(String(c.id)) === c.body).length
    const statuses: Record<string, number> = {}
    for (const d of storedDocs) statuses[d.status] = (statuses[d.status] ?? 0) + 1

    const heap = heapSamplesFromLogs(server.logs(), t0Epoch)
    const seen = edits.filter((e) => e.seenMs !== undefined).map((e) => e.seenMs!)
    const rssValues = memory.map((m) => m.rssMb)
    const results = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      minutes,
      elapsedSeconds: Math.round(elapsedMs / 1000),
      load: {
        readers: READERS,
        readerPauseMs: READER_PAUSE_MS,
        pages: pages.map((url) => url.slice(server.url.length)),
        commentEverySeconds: COMMENT_EVERY_MS / 1000,
        editEverySeconds: EDIT_EVERY_MS / 1000,
      },
      pageViews,
      errors: errors.length,
      errorSamples: errors.slice(0, 20),
      memoryMb: {
        start: rssValues[0],
        end: rssValues.at(-1),
        max: Math.max(...rssValues),
        growthPerMinuteSecondHalf: growthPerMinute(memory, elapsedMs / 2),
        samples: memory,
        heapAfterGc: {
          start: heap[0]?.rssMb,
          end: heap.at(-1)?.rssMb,
          growthPerMinuteSecondHalf: growthPerMinute(heap, elapsedMs / 2),
          samples: heap.map(({ atMs, rssMb }) => ({ atMs, heapUsedMb: rssMb })),
        },
      },
      comments: { acknowledged: acknowledged.length, stored, statuses },
      edits: {
        made: edits.length,
        seenByReaders: seen.length,
        medianMsToSeen: median(seen),
        maxMsToSeen: seen.length ? Math.max(...seen) : undefined,
        lastEditVisibleAfterStop,
        // Each edit: when it was saved and how soon a reader saw it (none: not before the next).
        each: edits.map(({ atMs, seenMs }) => ({ atMs, seenMs })),
      },
    }
    const m = results.memoryMb
    log(`\ninkwell soak, ${results.date} (${results.machine}), ${minutes} min`)
    log(
      `errors: ${results.errors} (page views ${pageViews}, comments ${acknowledged.length}, edits ${edits.length})`,
    )
    for (const e of results.errorSamples) log(`  ${e}`)
    log(
      `server RSS MB: start ${m.start}, end ${m.end}, max ${m.max}, growth over the second half ${m.growthPerMinuteSecondHalf ?? 'n/a'} MB/min (${memory.length} samples)`,
    )
    log(
      `server heap after a full GC, MB: start ${m.heapAfterGc.start ?? 'n/a'}, end ${m.heapAfterGc.end ?? 'n/a'}, growth over the second half ${m.heapAfterGc.growthPerMinuteSecondHalf ?? 'n/a'} MB/min (${heap.length} samples)`,
    )
    log(
      `comments acknowledged ${acknowledged.length}, stored ${stored} (${Object.entries(statuses)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')})`,
    )
    log(
      `edits seen by readers: ${seen.length} of ${edits.length} (median ${results.edits.medianMsToSeen ?? 'n/a'} ms, max ${results.edits.maxMsToSeen ?? 'n/a'} ms); the last one shows after the run: ${lastEditVisibleAfterStop ? 'yes' : 'no'}`,
    )
    await writeFile('bench/results.soak.json', `${JSON.stringify(results, null, 2)}\n`)
    log('Wrote bench/results.soak.json')
    if (results.errors > 0 || stored !== acknowledged.length) {
      throw new Error(
        `The soak failed: ${results.errors} errors, ${acknowledged.length} comments acknowledged and ${stored} stored.`,
      )
    }
  } catch (error) {
    log(`Server log (last lines):\n${server.logs().split('\n').slice(-30).join('\n')}`)
    throw error
  } finally {
    await payload.destroy()
    await server.stop()
  }
}

runScript(main, (error) => (error instanceof Error ? error.message : String(error)))
