import { randomUUID } from 'node:crypto'
import http from 'node:http'

import { REFERENCE_POST_SLUG } from '@/tools/seed'
import { document } from '@/tools/seed/lexical'

import { postCommentForm } from '../support/commentForm'
import { startRedis } from '../support/edge'
import {
  POST_PATH,
  type ScaleStack,
  commentOverRest,
  get,
  showsOn,
  startScaleStack,
  warm,
} from '../support/scaleStack'
import { sleep, timeUntil } from '../support/wait'
import { signIn } from '../support/server'

/**
 * The scale drill, part two (also `npm run drill:scale`): changes reaching every instance and
 * the edge, one allowance for comments across instances, and what readers see when Redis, one
 * instance or every instance goes away (tests/support/scaleStack.ts). Times are printed, not
 * asserted.
 */
let stack: ScaleStack
beforeAll(async () => {
  stack = await startScaleStack()
}, 300_000)
afterAll(async () => {
  await stack?.stop()
})

/** Waits until the post shows the text through the edge and on B; notes how long each took. */
const timeSeenThroughEdgeAndOnB = async (change: string, text: string) => {
  const [viaEdge, onB] = await Promise.all([
    timeUntil(showsOn(`${stack.edge.url}${POST_PATH}`, text)),
    timeUntil(showsOn(`${stack.b.url}${POST_PATH}`, text)),
  ])
  stack.figures[`${change} -> visible through the edge`] = `${viaEdge.toFixed(0)} ms`
  stack.figures[`${change} -> visible on instance B`] = `${onB.toFixed(0)} ms`
}

describe('several instances', () => {
  it('a publish through instance A is visible through the edge and on instance B', async () => {
    const admin = await signIn(stack.a, 'admin')
    await warm(`${stack.edge.url}${POST_PATH}`)
    await warm(`${stack.b.url}${POST_PATH}`)
    const title = `Ways to Achieve Pain Relief ${randomUUID().slice(0, 8)}`
    const res = await fetch(`${stack.a.url}/api/posts/${stack.postId}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ title, _status: 'published' }),
    })
    expect(res.status).toBe(200)
    await timeSeenThroughEdgeAndOnB('publish', title)
  })

  it('a change the jobs worker expires reaches the edge and both instances', async () => {
    await warm(`${stack.edge.url}${POST_PATH}`)
    await warm(`${stack.b.url}${POST_PATH}`)
    // As a scheduled publish run by the worker does: the change is made outside any app
    // instance, and the worker expires its tags (for everyone, through Redis) and purges.
    process.env.REVALIDATE_URL = stack.worker.url
    const title = `Pain Relief by the worker ${randomUUID().slice(0, 8)}`
    try {
      await stack.payload.update({ collection: 'posts', id: stack.postId, data: { title } })
    } finally {
      process.env.REVALIDATE_URL = stack.a.url
    }
    await timeUntil(showsOn(`${stack.edge.url}${POST_PATH}`, title))
    await timeUntil(showsOn(`${stack.b.url}${POST_PATH}`, title))
    await timeUntil(showsOn(`${stack.a.url}${POST_PATH}`, title))
    // And the worker serves no reader, nor anything else by a detour.
    expect((await get(`${stack.worker.url}${POST_PATH}`)).status).toBe(404)
    const detour = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(stack.worker.url)
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
    await stack.payload.create({
      collection: 'posts',
      data: {
        title,
        content: document([{ type: 'p', text: 'Body.' }], () => 0) as never,
        _status: 'published',
        publishedAt: new Date(Date.now() + 20_000).toISOString(),
      },
    })
    // Past the re-expiries that follow any change (lib/server/revalidate.ts), well before its time.
    await sleep(6_000)
    await warm(`${stack.edge.url}/`)
    expect((await get(`${stack.edge.url}/`)).html).not.toContain(title)
    expect((await get(`${stack.b.url}/`)).html).not.toContain(title)
    // The queue runs each minute, on the worker only (the instances have JOBS_AUTORUN=false).
    const seen = await timeUntil(showsOn(`${stack.edge.url}/`, title), 90_000)
    stack.figures['a post dated ahead -> visible through the edge'] =
      `${(seen / 1000).toFixed(1)} s`
  }, 120_000)

  it('an approval through A is visible through the edge and on B', async () => {
    const body = `Helpful, thank you ${randomUUID()}`
    const posted = await commentOverRest(stack, stack.edge.url, { body })
    expect(posted.status).toBe(201)
    await warm(`${stack.edge.url}${POST_PATH}`)
    await warm(`${stack.b.url}${POST_PATH}`)
    expect((await get(`${stack.edge.url}${POST_PATH}`)).html).not.toContain(body)
    const moderator = await signIn(stack.a, 'moderator')
    const res = await fetch(`${stack.a.url}/api/comments/${posted.id}`, {
      method: 'PATCH',
      headers: { ...moderator.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    })
    expect(res.status).toBe(200)
    await timeSeenThroughEdgeAndOnB('approval', body)
  })

  it('comments through the edge alternate between instances and share one allowance', async () => {
    const email = `same-person-${randomUUID()}@example.com`
    const first = await commentOverRest(stack, stack.edge.url, { authorEmail: email })
    const again = await commentOverRest(stack, stack.edge.url, { authorEmail: email })
    expect(first.status).toBe(201)
    // The same person again at once, answered by the other instance: refused all the same,
    // because both count in Redis. Counted per instance, the second would have been taken.
    expect(new Set([first.instance, again.instance])).toEqual(new Set(['a', 'b']))
    expect(again.status).toBe(429)

    // Every comment comes from the edge's one client address here: past five in ten minutes,
    // whichever instance takes it, a comment is held for a moderator for its address.
    const more = []
    for (let i = 0; i < 5; i++) more.push(await commentOverRest(stack, stack.edge.url))
    expect(new Set(more.map((m) => m.instance))).toEqual(new Set(['a', 'b']))
    const last = await stack.payload.findByID({ collection: 'comments', id: more.at(-1)!.id! })
    expect(JSON.stringify(last.signals)).toMatch(/comments from one address in 10 minutes/)
  })

  it('with Redis stopped, reader pages still answer and comments are still taken', async () => {
    await stack.redis.stop()
    for (const base of [stack.a.url, stack.b.url, stack.edge.url]) {
      expect((await get(`${base}${POST_PATH}`)).status).toBe(200)
      expect((await get(`${base}/page/2?fresh=${randomUUID()}`)).status).toBeLessThan(500)
    }
    expect((await commentOverRest(stack, stack.edge.url)).status).toBe(201)
    await timeUntil(async () => /shared cache: Redis unavailable/.test(stack.a.logs()))
    await timeUntil(async () => /limits: Redis unavailable/.test(stack.b.logs()))
    // A change while Redis is away: A expires its own cache and purges the edge, but B has not
    // heard, and the edge may fetch B's old page again.
    await warm(`${stack.edge.url}${POST_PATH}`)
    await warm(`${stack.b.url}${POST_PATH}`)
    const title = `Pain Relief while Redis was away ${randomUUID().slice(0, 8)}`
    await stack.payload.update({ collection: 'posts', id: stack.postId, data: { title } })
    await timeUntil(showsOn(`${stack.a.url}${POST_PATH}`, title))
    // Back on the same port: A tells everyone what it expired meanwhile, and purges again.
    stack.redis = await startRedis(stack.redis.port)
    await timeUntil(async () => /shared cache: Redis is back/.test(stack.b.logs()))
    await timeUntil(showsOn(`${stack.b.url}${POST_PATH}`, title))
    await timeUntil(showsOn(`${stack.edge.url}${POST_PATH}`, title))
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
          const res = await fetch(`${stack.edge.url}${path}`)
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
        const res = await commentOverRest(stack, stack.edge.url, { body })
        if (res.status === 201 && res.id) accepted.push({ id: res.id, body })
        await sleep(150)
      }
    }
    const load = [...[1, 2, 3, 4, 5, 6].map(reader), commenter()]
    await sleep(1_500)
    await stack.a.kill()
    await sleep(4_000)
    stop = true
    await Promise.all(load)
    stack.figures['reader requests while A died'] = `${served} served, ${errors.length} errors`
    expect(errors).toEqual([])
    expect(accepted.length).toBeGreaterThan(0)
    for (const { body } of accepted) {
      const { totalDocs } = await stack.payload.count({
        collection: 'comments',
        where: { body: { equals: body } },
      })
      expect(totalDocs).toBeGreaterThanOrEqual(1)
    }
    stack.figures['comments accepted while A died'] = `${accepted.length}, none lost`
  })

  it('with every instance down, the edge serves the post and says comments are unavailable', async () => {
    await warm(`${stack.edge.url}${POST_PATH}`)
    await stack.b.kill()
    // Long enough for the health checks to see both gone.
    await sleep(3_000)
    const page = await get(`${stack.edge.url}${POST_PATH}`)
    expect(page.status).toBe(200)
    expect(page.html).toContain('Leave a Reply')
    const form = await postCommentForm(stack.edge, REFERENCE_POST_SLUG, {
      name: 'Rosa Patient',
      email: `reader-${randomUUID()}@example.com`,
      body: 'Sent while the clinic’s servers were restarting.',
    })
    expect(form.status).toBe(503)
    expect(form.html).toContain('Comments are unavailable for a moment')
  })
})
