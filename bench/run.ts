/**
 * `npm run bench [-- --quick] [-- --build]`: measures the production build on a fresh SQLite
 * database (the demo content plus 20 approved comments on the reference post) and prints a table;
 * writes bench/results.json. See README "Speed". --quick runs each target briefly (CI keeps the
 * script working with it; nobody asserts on the figures). `-- --edge` measures the edge cache
 * instead (bench/edge.ts); `-- --comments` the comment flood alone (bench/commentWrite.ts);
 * `-- --scale` how page costs grow with the content (bench/scale.ts).
 */
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { REFERENCE_POST_SLUG } from '@/tools/seed'
import { issueFormToken } from '@/lib/comments/formToken'
import { localPayload, startServer } from '@/tests/support/server'

import { ensureBuild } from './build'
import { commentRequests } from './commentFlood'
import { firstLoadJs } from './firstLoadJs'
import { type LoadResult, load } from './load'
import { log, printTable } from './report'
import { seedBenchComments, seedReturningReader } from './seedComments'
import { countLines, findBenchPosts, loadPayloadPackages, startStaticServer } from './setup'
import { timeUntilVisible } from './visibility'
import { runScript } from '@/scripts/finished'

const quick = process.argv.includes('--quick')
const seconds = quick ? 2 : 10

const main = async () => {
  await loadPayloadPackages()
  ensureBuild(process.argv.includes('--build'))
  // Loaded only for this mode, so the normal bench loads what it always has.
  if (process.argv.includes('--edge')) return (await import('./edge')).benchEdge({ quick })
  if (process.argv.includes('--comments'))
    return (await import('./commentWrite')).benchCommentWrite()
  if (process.argv.includes('--scale'))
    return (await import('./scale')).benchScale({ quick, argv: process.argv })
  const queryLog = path.join(os.tmpdir(), `inkwell-bench-queries-${process.pid}.log`)
  log('Starting the production server on a fresh SQLite database…')
  // The bench stands in for a proxy in front of the app: each comment comes from its own address.
  const server = await startServer({
    serverOnlyEnv: { INKWELL_QUERY_LOG: queryLog, TRUSTED_PROXY_HOPS: '1' },
  })
  let payload: Payload | undefined
  let baseline: { url: string; stop: () => void } | undefined
  try {
    payload = await localPayload(server)
    const { reference, other, others: posts } = await findBenchPosts(payload)
    await seedBenchComments(payload, reference.id, 20)

    const postUrl = `${server.url}/posts/${REFERENCE_POST_SLUG}`
    const otherUrl = `${server.url}/posts/${other.slug}`
    const homeUrl = `${server.url}/`
    for (const url of [postUrl, otherUrl, homeUrl, postUrl, homeUrl]) await fetch(url)
    const postHtml = await (await fetch(postUrl)).text()
    if (!postHtml.includes('Leave a Reply')) throw new Error('The post page did not render.')
    const approvedShown = (postHtml.match(/<li class="comment" id="comment-/g) ?? []).length

    // The same HTML, saved once, sent as a plain file: the ceiling for this machine.
    const saved = path.join(os.tmpdir(), `inkwell-bench-post-${process.pid}.html`)
    await writeFile(saved, postHtml)
    baseline = await startStaticServer(saved)

    log('Counting database work per cached view…')
    const before = await countLines(queryLog)
    const burst = await load({ url: postUrl, amount: 500 })
    await load({ url: homeUrl, amount: 500 })
    const cachedQueries = (await countLines(queryLog)) - before

    const targets: { name: string; result: LoadResult }[] = []
    const measure = async (name: string, options: Parameters<typeof load>[0]) => {
      log(`Loading ${name} for ${seconds} s…`)
      targets.push({ name, result: await load({ duration: seconds, ...options }) })
    }
    await measure('static file (baseline)', { url: baseline.url })
    await measure('reference post', { url: postUrl })
    await measure('home page', { url: homeUrl })
    const feed = await fetch(`${server.url}/feed.xml`)
    if (feed.status === 200) await measure('feed', { url: `${server.url}/feed.xml` })

    // Every submission comes from another address with another text, as readers' would; each
    // one passes the whole screening (token, rate limits, duplicates, rules) and is written.
    const token = issueFormToken(payload.secret, reference.id, Date.now() - 10_000)
    log('Timing publish -> visible…')
    let revision = 0
    const retitle = () => {
      const title = `Pain Relief Through Medical Massage, revision ${++revision}`
      return timeUntilVisible(
        () =>
          payload!.update({
            collection: 'posts',
            id: reference.id,
            data: { title },
            depth: 0,
          }),
        [
          { url: postUrl, text: title },
          { url: otherUrl, text: title },
        ],
      )
    }
    const titleVisible = await retitle()
    // A post nobody has opened yet: its first view renders, and that is where queries belong.
    const unseen = posts[1]
    const beforeRender = await countLines(queryLog)
    if (unseen) await fetch(`${server.url}/posts/${unseen.slug}`)
    const uncachedQueries = (await countLines(queryLog)) - beforeRender

    const pending = await payload.create({
      collection: 'comments',
      data: {
        post: reference.id,
        authorName: 'Awaiting Approval',
        authorEmail: 'waiting@example.com',
        body: `A comment held for moderation ${Date.now()}`,
        status: 'pending',
      },
      context: { trustedImport: true },
      depth: 0,
    })
    const approvalVisible = await timeUntilVisible(
      () =>
        payload!.update({
          collection: 'comments',
          id: pending.id,
          data: { status: 'approved' },
          depth: 0,
        }),
      [{ url: postUrl, text: pending.body }],
    )

    // One in 50 is a returning reader whose browser (its signed cookie) and email have an
    // approved comment, so theirs is published at once; the rest wait for moderation.
    const returning = await seedReturningReader(payload, reference.id, 'reader1@example.com')
    const commentRequest = commentRequests(reference.id, token, returning)
    const probe = await fetch(`${server.url}/api/comments?depth=0`, commentRequest(0))
    if (probe.status !== 201) {
      throw new Error(`A comment submission was refused: ${probe.status} ${await probe.text()}`)
    }
    let n = 0
    await measure('comment submission (REST)', {
      url: `${server.url}/api/comments?depth=0`,
      method: 'POST',
      requests: [{ setupRequest: (request) => ({ ...request, ...commentRequest(++n) }) }],
    })

    log('Timing publish -> visible right after the comment flood…')
    const titleVisibleAfterFlood = await retitle()

    const js = await firstLoadJs(postHtml)
    // The same layout with no interactive part: what every page costs before the post's own.
    const notFound = await (await fetch(`${server.url}/no-such-page-${Date.now()}`)).text()
    const floor = await firstLoadJs(notFound)
    const base = targets[0]!.result.rps || 1
    const results = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      quick,
      secondsPerTarget: seconds,
      connections: 20,
      approvedCommentsOnPost: approvedShown,
      targets: targets.map(({ name, result }) => ({
        name,
        ...result,
        ofBaseline: Math.round((result.rps / base) * 1000) / 10,
      })),
      publishToVisibleMs: {
        postPage: titleVisible[0],
        recentPostsElsewhere: titleVisible[1],
        postPageAfterCommentFlood: titleVisibleAfterFlood[0],
      },
      approvalToVisibleMs: approvalVisible[0],
      databaseOperations: {
        cachedViews: burst.requests + 500,
        duringCachedViews: cachedQueries,
        oneUncachedRender: uncachedQueries,
      },
      firstLoadJs: js,
      firstLoadJsOfNotFoundPage: floor.gzipKb,
    }
    printTable(results)
    // A quick run keeps the script working; only a full run replaces the recorded figures.
    const out = quick ? 'bench/results.quick.json' : 'bench/results.json'
    await writeFile(out, `${JSON.stringify(results, null, 2)}\n`)
    log(`Wrote ${out}`)
  } catch (error) {
    log(`Server log (last lines):\n${server.logs().split('\n').slice(-30).join('\n')}`)
    throw error
  } finally {
    baseline?.stop()
    await payload?.destroy()
    await server.stop()
  }
}

runScript(main)
