import { randomUUID } from 'node:crypto'
import http from 'node:http'

import type { Payload } from 'payload'

import { issueFormToken } from '@/lib/comments/formToken'
import { COMMENTS_UNAVAILABLE_MESSAGE } from '@/lib/comments/unavailable'
import { REFERENCE_POST_SLUG } from '@/lib/seed'
import { document } from '@/lib/seed/lexical'

import { postCommentForm } from '../support/commentForm'
import { createTestPost } from '../support/posts'
import { type Process, startRedis, startVarnish } from '../support/edge'
import { freePort } from '../support/ports'
import { type TestServer, localPayload, signIn, startServer } from '../support/server'

/**
 * The scale drill (also `npm run drill:scale`): the real parts of the scale profile on this
 * machine. redis-server, Varnish with the project's VCL, two app instances on one SQLite file
 * and the jobs worker, then a publish, an approval, a comment flood, Redis going away and both
 * instances dying, as readers and staff would meet them. Times are printed, not asserted.
 */
let redis: Process & { redisUrl: string }
let edge: Process
let a: TestServer
let b: TestServer
let worker: TestServer
let payload: Payload
let postId: number | string
const figures: Record<string, string> = {}

const POST_PATH = `/posts/${REFERENCE_POST_SLUG}`
const PURGE_SECRET = `purge-${randomUUID()}`
const portOf = (server: TestServer) => Number(new URL(server.url).port)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  redis = await startRedis()
  const edgePort = await freePort()
  const shared = {
    REDIS_URL: redis.redisUrl,
    // Varnish is the one hop in front, and it overwrites whatever X-Forwarded-For a client sent.
    TRUSTED_PROXY_HOPS: '1',
    JOBS_AUTORUN: 'false',
    EDGE_PURGE_URLS: `http://127.0.0.1:${edgePort}`,
    EDGE_PURGE_SECRET: PURGE_SECRET,
  }
  a = await startServer({ serverOnlyEnv: { ...shared, INSTANCE_NAME: 'a' } })
  b = await startServer({ shareDatabaseOf: a, serverOnlyEnv: { ...shared, INSTANCE_NAME: 'b' } })
  worker = await startServer({
    shareDatabaseOf: a,
    args: ['--worker'],
    readyStatus: 404,
    serverOnlyEnv: { ...shared, INSTANCE_NAME: 'worker' },
  })
  edge = await startVarnish([portOf(a), portOf(b)], { port: edgePort, purgeSecret: PURGE_SECRET })
  payload = await localPayload(a)
  const { docs } = await payload.find({
    collection: 'posts',
    where: { slug: { equals: REFERENCE_POST_SLUG } },
    limit: 1,
  })
  postId = docs[0]!.id
}, 300_000)

afterAll(async () => {
  console.log(
    `scale drill figures:\n${Object.entries(figures)
      .map(([what, value]) => `  ${what}: ${value}`)
      .join('\n')}`,
  )
  await payload?.destroy()
  await edge?.stop()
  await worker?.stop()
  await b?.stop()
  await a?.stop()
  await redis?.stop()
})

const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers, redirect: 'manual' })
  return { status: res.status, headers: res.headers, html: await res.text() }
}

/** Polls until the check passes; resolves with how long that took, in milliseconds. */
const timeUntil = async (check: () => Promise<boolean>, timeoutMs = 20_000): Promise<number> => {
  const start = performance.now()
  while (performance.now() - start < timeoutMs) {
    if (await check()) return performance.now() - start
    await sleep(20)
  }
  throw new Error(`not seen within ${timeoutMs} ms`)
}
const showsOn = (url: string, text: string) => async () => (await get(url)).html.includes(text)

/** Waits until the post shows the text through the edge and on B; notes how long each took. */
const timeSeenThroughEdgeAndOnB = async (change: string, text: string) => {
  const [viaEdge, onB] = await Promise.all([
    timeUntil(showsOn(`${edge.url}${POST_PATH}`, text)),
    timeUntil(showsOn(`${b.url}${POST_PATH}`, text)),
  ])
  figures[`${change} -> visible through the edge`] = `${viaEdge.toFixed(0)} ms`
  figures[`${change} -> visible on instance B`] = `${onB.toFixed(0)} ms`
}

const commentOverRest = async (base: string, over: Record<string, unknown> = {}) => {
  const res = await fetch(`${base}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({
      post: postId,
      authorName: 'Rosa Patient',
      authorEmail: `reader-${randomUUID()}@example.com`,
      body: `A thoughtful comment ${randomUUID()}`,
      formToken: issueFormToken(payload.secret, String(postId), Date.now() - 10_000),
      ...over,
    }),
  })
  const json = (await res.json().catch(() => ({}))) as { doc?: { id: number | string } }
  return { status: res.status, instance: res.headers.get('x-inkwell-instance'), id: json.doc?.id }
}

const warm = async (url: string) => {
  await get(url)
  await get(url)
}

describe('the scale drill', () => {
  it('serves reader pages from the edge, tagged, and keeps staff and the API away from it', async () => {
    await warm(`${edge.url}${POST_PATH}`)
    const hit = await get(`${edge.url}${POST_PATH}`)
    expect(hit.status).toBe(200)
    expect(hit.headers.get('x-cache')).toBe('HIT')
    // The keys are for purging; readers never see them.
    expect(hit.headers.get('xkey')).toBeNull()
    expect(hit.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=30')
    const direct = await get(`${a.url}${POST_PATH}`)
    expect(direct.headers.get('xkey')).toContain(`post:${REFERENCE_POST_SLUG}`)

    const gzip = await fetch(`${edge.url}${POST_PATH}`, { headers: { 'accept-encoding': 'gzip' } })
    await gzip.arrayBuffer()
    expect(gzip.headers.get('content-encoding')).toBe('gzip')

    const staff = await get(`${edge.url}${POST_PATH}`, { cookie: 'payload-token=anything' })
    expect(staff.headers.get('x-cache')).toBe('MISS')
    await get(`${edge.url}/api/posts?limit=1`)
    expect((await get(`${edge.url}/api/posts?limit=1`)).headers.get('x-cache')).toBe('MISS')
  })

  it('keeps uploaded images at the edge until media changes', async () => {
    const { docs } = await payload.find({ collection: 'media', limit: 1, depth: 0 })
    const image = docs[0]!
    const url = `${edge.url}/api/media/file/${image.filename}`
    await warm(url)
    expect((await get(url)).headers.get('x-cache')).toBe('HIT')
    await payload.update({ collection: 'media', id: image.id, data: { alt: 'A new alt text' } })
    await timeUntil(async () => (await get(url)).headers.get('x-cache') === 'MISS')
  })

  it('takes a purge only with the secret, from this machine too', async () => {
    const purge = (headers: Record<string, string>, localAddress?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(edge.url, { method: 'PURGE', headers, localAddress }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end()
      })
    const keys = { 'xkey-purge': `post:${REFERENCE_POST_SLUG}` }
    // A TLS proxy on the edge's machine would make every reader look local: no free pass.
    expect(await purge(keys)).toBe(403)
    expect(await purge({ ...keys, 'x-purge-secret': 'guessed' }, '127.0.0.2')).toBe(403)
    expect(await purge({ 'x-purge-secret': PURGE_SECRET })).toBe(400)
    expect(await purge({ ...keys, 'x-purge-secret': PURGE_SECRET }, '127.0.0.2')).toBe(200)
  })

  it('refuses paths read two ways, passes API credentials, and makes one copy per page', async () => {
    const raw = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; cache: string | undefined }>((resolve, reject) => {
        // Sent as written: a URL would resolve the dots first.
        const req = http.request({ host: '127.0.0.1', port: edge.port, path, headers }, (res) => {
          res.resume()
          resolve({ status: res.statusCode ?? 0, cache: res.headers['x-cache'] as string })
        })
        req.on('error', reject)
        req.end()
      })
    expect((await raw('/api/media/file/../../users/me')).status).toBe(400)
    expect((await raw('/api/media/file/%2e%2e/%2e%2e/users/me')).status).toBe(400)
    const admin = await signIn(a, 'admin')
    await raw('/api/media/file/anything.webp', admin.headers)
    expect((await raw('/api/media/file/anything.webp', admin.headers)).cache).toBe('MISS')
    // A query string a page does not read makes no new copy of it.
    await warm(`${edge.url}/`)
    expect((await get(`${edge.url}/?utm_source=${randomUUID()}`)).headers.get('x-cache')).toBe(
      'HIT',
    )
  })

  it('a retracted post is gone through the edge in every form: page, gzip, data, prefetch', async () => {
    const title = `Retracted advice ${randomUUID().slice(0, 8)}`
    const post = await createTestPost(payload, 'live', title)
    const path = `/posts/${post.slug}`
    const forms: Record<string, Record<string, string>> = {
      page: {},
      gzip: { 'accept-encoding': 'gzip' },
      data: { rsc: '1' },
      prefetch: { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/_full' },
    }
    const showsTitle = async (headers: Record<string, string>) => {
      const res = await fetch(`${edge.url}${path}`, { headers })
      return res.status === 200 && (await res.text()).includes(title)
    }
    for (const headers of Object.values(forms)) {
      await showsTitle(headers)
      expect(await showsTitle(headers)).toBe(true)
    }
    const admin = await signIn(a, 'admin')
    const res = await fetch(`${a.url}/api/posts/${post.id}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ _status: 'draft' }),
    })
    expect(res.status).toBe(200)
    for (const [form, headers] of Object.entries(forms)) {
      const gone = await timeUntil(async () => !(await showsTitle(headers)), 10_000)
      figures[`retraction -> gone through the edge (${form})`] = `${gone.toFixed(0)} ms`
    }
    // And it stays gone once the re-expiries have run.
    await sleep(1_500)
    for (const headers of Object.values(forms)) expect(await showsTitle(headers)).toBe(false)
  })

  it('a publish through instance A is visible through the edge and on instance B', async () => {
    const admin = await signIn(a, 'admin')
    await warm(`${edge.url}${POST_PATH}`)
    await warm(`${b.url}${POST_PATH}`)
    const title = `Ways to Achieve Pain Relief ${randomUUID().slice(0, 8)}`
    const res = await fetch(`${a.url}/api/posts/${postId}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ title, _status: 'published' }),
    })
    expect(res.status).toBe(200)
    await timeSeenThroughEdgeAndOnB('publish', title)
  })

  it('a change the jobs worker expires reaches the edge and both instances', async () => {
    await warm(`${edge.url}${POST_PATH}`)
    await warm(`${b.url}${POST_PATH}`)
    // As a scheduled publish run by the worker does: the change is made outside any app
    // instance, and the worker expires its tags (for everyone, through Redis) and purges.
    process.env.REVALIDATE_URL = worker.url
    const title = `Pain Relief by the worker ${randomUUID().slice(0, 8)}`
    try {
      await payload.update({ collection: 'posts', id: postId, data: { title } })
    } finally {
      process.env.REVALIDATE_URL = a.url
    }
    await timeUntil(showsOn(`${edge.url}${POST_PATH}`, title))
    await timeUntil(showsOn(`${b.url}${POST_PATH}`, title))
    await timeUntil(showsOn(`${a.url}${POST_PATH}`, title))
    // And the worker serves no reader, nor anything else by a detour.
    expect((await get(`${worker.url}${POST_PATH}`)).status).toBe(404)
    const detour = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(worker.url)
      const path = '/api/revalidate/../users/me'
      const req = http.request({ host: '127.0.0.1', port, path, method: 'POST' }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
    expect(detour).toBe(404)
  })

  it('the worker runs the jobs queue: a post dated a moment ahead appears through the edge', async () => {
    const title = `Scheduled relief ${randomUUID().slice(0, 8)}`
    await payload.create({
      collection: 'posts',
      data: {
        title,
        content: document([{ type: 'p', text: 'Body.' }], () => 0) as never,
        _status: 'published',
        publishedAt: new Date(Date.now() + 7_000).toISOString(),
      },
    })
    // Past the re-expiries that follow any change (lib/revalidate.ts), before its time.
    await sleep(6_000)
    await warm(`${edge.url}/`)
    expect((await get(`${edge.url}/`)).html).not.toContain(title)
    expect((await get(`${b.url}/`)).html).not.toContain(title)
    // The queue runs each minute, on the worker only (the instances have JOBS_AUTORUN=false).
    const seen = await timeUntil(showsOn(`${edge.url}/`, title), 90_000)
    figures['a post dated ahead -> visible through the edge'] = `${(seen / 1000).toFixed(1)} s`
  }, 120_000)

  it('an approval through A is visible through the edge and on B', async () => {
    const body = `Helpful, thank you ${randomUUID()}`
    const posted = await commentOverRest(edge.url, { body })
    expect(posted.status).toBe(201)
    await warm(`${edge.url}${POST_PATH}`)
    await warm(`${b.url}${POST_PATH}`)
    expect((await get(`${edge.url}${POST_PATH}`)).html).not.toContain(body)
    const moderator = await signIn(a, 'moderator')
    const res = await fetch(`${a.url}/api/comments/${posted.id}`, {
      method: 'PATCH',
      headers: { ...moderator.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    })
    expect(res.status).toBe(200)
    await timeSeenThroughEdgeAndOnB('approval', body)
  })

  it('comments through the edge alternate between instances and share one allowance', async () => {
    const email = `same-person-${randomUUID()}@example.com`
    const first = await commentOverRest(edge.url, { authorEmail: email })
    const again = await commentOverRest(edge.url, { authorEmail: email })
    expect(first.status).toBe(201)
    // The same person again at once, answered by the other instance: refused all the same,
    // because both count in Redis. Counted per instance, the second would have been taken.
    expect(new Set([first.instance, again.instance])).toEqual(new Set(['a', 'b']))
    expect(again.status).toBe(429)

    // Every comment comes from the edge's one client address here: past five in ten minutes,
    // whichever instance takes it, a comment is held for a moderator for its address.
    const more = []
    for (let i = 0; i < 5; i++) more.push(await commentOverRest(edge.url))
    expect(new Set(more.map((m) => m.instance))).toEqual(new Set(['a', 'b']))
    const last = await payload.findByID({ collection: 'comments', id: more.at(-1)!.id! })
    expect(JSON.stringify(last.signals)).toMatch(/comments from one address in 10 minutes/)
  })

  it('with Redis stopped, reader pages still answer and comments are still taken', async () => {
    await redis.stop()
    for (const base of [a.url, b.url, edge.url]) {
      expect((await get(`${base}${POST_PATH}`)).status).toBe(200)
      expect((await get(`${base}/page/2?fresh=${randomUUID()}`)).status).toBeLessThan(500)
    }
    expect((await commentOverRest(edge.url)).status).toBe(201)
    await timeUntil(async () => /shared cache: Redis unavailable/.test(a.logs()))
    await timeUntil(async () => /limits: Redis unavailable/.test(b.logs()))
    // Back on the same port: both instances find it again and share their clock anew.
    redis = await startRedis(redis.port)
    const title = `Pain Relief after Redis ${randomUUID().slice(0, 8)}`
    await timeUntil(async () => /shared cache: Redis is back/.test(b.logs()))
    await warm(`${b.url}${POST_PATH}`)
    await payload.update({ collection: 'posts', id: postId, data: { title } })
    await timeUntil(showsOn(`${b.url}${POST_PATH}`, title))
  })

  it('instance A dies under load: readers see no error and no accepted comment is lost', async () => {
    const errors: string[] = []
    let served = 0
    let stop = false
    const reader = async (n: number) => {
      for (let i = 0; !stop; i++) {
        // Cached pages and addresses the edge has never seen (each a fetch from an instance).
        const path = i % 2 ? POST_PATH : `/posts/not-written-yet-${n}-${i}`
        try {
          const res = await fetch(`${edge.url}${path}`)
          await res.arrayBuffer()
          if (res.status >= 500) errors.push(`${path}: ${res.status}`)
          else served++
        } catch (error) {
          errors.push(`${path}: ${String(error)}`)
        }
      }
    }
    const accepted: { id: number | string; body: string }[] = []
    const commenter = async () => {
      while (!stop) {
        const body = `Under load ${randomUUID()}`
        const res = await commentOverRest(edge.url, { body })
        if (res.status === 201 && res.id) accepted.push({ id: res.id, body })
        await sleep(150)
      }
    }
    const load = [...[1, 2, 3, 4, 5, 6].map(reader), commenter()]
    await sleep(1_500)
    await a.kill()
    await sleep(4_000)
    stop = true
    await Promise.all(load)
    figures['reader requests while A died'] = `${served} served, ${errors.length} errors`
    expect(errors).toEqual([])
    expect(accepted.length).toBeGreaterThan(0)
    for (const { body } of accepted) {
      const { totalDocs } = await payload.count({
        collection: 'comments',
        where: { body: { equals: body } },
      })
      expect(totalDocs).toBeGreaterThanOrEqual(1)
    }
    figures['comments accepted while A died'] = `${accepted.length}, none lost`
  })

  it('with every instance down, the edge serves the post and says comments are unavailable', async () => {
    await warm(`${edge.url}${POST_PATH}`)
    await b.kill()
    // Long enough for the health checks to see both gone.
    await sleep(3_000)
    const page = await get(`${edge.url}${POST_PATH}`)
    expect(page.status).toBe(200)
    expect(page.html).toContain('Leave a Reply')
    const form = await postCommentForm(edge, REFERENCE_POST_SLUG, {
      name: 'Rosa Patient',
      email: `reader-${randomUUID()}@example.com`,
      body: 'Sent while the clinic’s servers were restarting.',
    })
    expect(form.status).toBe(503)
    expect(form.html).toContain('Comments are unavailable for a moment')
    expect(COMMENTS_UNAVAILABLE_MESSAGE).toContain('Comments are unavailable for a moment')
  })
})
