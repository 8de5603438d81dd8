import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { issueFormToken } from '@/lib/comments/formToken'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { type Process, startRedis, startVarnish } from './edge'
import { freePort } from './ports'
import { type TestServer, localPayload, startServer } from './server'

/**
 * The scale profile on this machine, for the drill (tests/int/scale*.int.test.ts, also
 * `npm run drill:scale`): redis-server, Varnish with the project's VCL, two app instances on one
 * SQLite file (A and B) and the jobs worker, each on a loopback port of its own.
 */
export type ScaleStack = {
  redis: Process & { redisUrl: string }
  edge: Process
  a: TestServer
  b: TestServer
  worker: TestServer
  payload: Payload
  postId: number | string
  purgeSecret: string
  /** Times and counts the drill prints at the end (never asserted). */
  figures: Record<string, string>
  stop: () => Promise<void>
}

export const POST_PATH = `/posts/${REFERENCE_POST_SLUG}`
const portOf = (server: TestServer) => Number(new URL(server.url).port)

export const startScaleStack = async (): Promise<ScaleStack> => {
  const purgeSecret = `purge-${randomUUID()}`
  // What has started so far, stopped again (last first) if a later part fails to start:
  // otherwise its processes would outlive the test run.
  const started: { stop: () => Promise<unknown> }[] = []
  const start = async <T extends { stop: () => Promise<unknown> }>(part: Promise<T>) => {
    const value = await part
    started.unshift(value)
    return value
  }
  try {
    const redis = await start(startRedis())
    const edgePort = await freePort()
    const shared = {
      REDIS_URL: redis.redisUrl,
      // Varnish is the one hop in front, and it overwrites whatever X-Forwarded-For a client sent.
      TRUSTED_PROXY_HOPS: '1',
      JOBS_AUTORUN: 'false',
      EDGE_PURGE_URLS: `http://127.0.0.1:${edgePort}`,
      EDGE_PURGE_SECRET: purgeSecret,
    }
    const a = await start(startServer({ serverOnlyEnv: { ...shared, INSTANCE_NAME: 'a' } }))
    const b = await start(
      startServer({ shareDatabaseOf: a, serverOnlyEnv: { ...shared, INSTANCE_NAME: 'b' } }),
    )
    const worker = await start(
      startServer({
        shareDatabaseOf: a,
        args: ['--worker'],
        readyStatus: 404,
        serverOnlyEnv: { ...shared, INSTANCE_NAME: 'worker' },
      }),
    )
    const edge = await start(startVarnish([portOf(a), portOf(b)], { port: edgePort, purgeSecret }))
    const payload = await localPayload(a)
    const { docs } = await payload.find({
      collection: 'posts',
      where: { slug: { equals: REFERENCE_POST_SLUG } },
      limit: 1,
    })
    const figures: Record<string, string> = {}
    const stack: ScaleStack = {
      redis,
      edge,
      a,
      b,
      worker,
      payload,
      postId: docs[0]!.id,
      purgeSecret,
      figures,
      stop: async () => {
        console.log(
          `scale drill figures:\n${Object.entries(figures)
            .map(([what, value]) => `  ${what}: ${value}`)
            .join('\n')}`,
        )
        await payload.destroy()
        await edge.stop()
        await worker.stop()
        await stack.b.stop()
        await stack.a.stop()
        await stack.redis.stop()
      },
    }
    return stack
  } catch (error) {
    for (const part of started) await part.stop()
    throw error
  }
}

export const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers, redirect: 'manual' })
  return { status: res.status, headers: res.headers, html: await res.text() }
}

export const showsOn = (url: string, text: string) => async () =>
  (await get(url)).html.includes(text)

/** Asks twice, so the second answer comes from whatever cache the first one filled. */
export const warm = async (url: string) => {
  await get(url)
  await get(url)
}

/** A reader's comment over REST on the reference post, with a token made 10 s ago. */
export const commentOverRest = async (
  stack: Pick<ScaleStack, 'payload' | 'postId'>,
  base: string,
  over: Record<string, unknown> = {},
) => {
  const res = await fetch(`${base}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({
      post: stack.postId,
      authorName: 'Rosa Patient',
      authorEmail: `reader-${randomUUID()}@example.com`,
      body: `A thoughtful comment ${randomUUID()}`,
      formToken: issueFormToken(stack.payload.secret, String(stack.postId), Date.now() - 10_000),
      ...over,
    }),
  })
  const json = (await res.json().catch(() => ({}))) as { doc?: { id: number | string } }
  return { status: res.status, instance: res.headers.get('x-inkwell-instance'), id: json.doc?.id }
}
