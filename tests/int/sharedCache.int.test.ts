import { Redis } from 'ioredis'

import { createCache } from '@/lib/cache/handler.mjs'

import { type Process, startRedis } from '../support/edge'
import { sleep, timeUntil } from '../support/wait'

/**
 * Two instances' caches sharing one real redis-server, as two app processes do: what one
 * stores the other reads, what one expires is expired on the other, and Redis going away
 * costs sharing, never an answer.
 */
type Cache = ReturnType<typeof createCache>
let redis: Process & { redisUrl: string }
let a: Cache
let b: Cache
const logs: string[] = []
const missedByA: string[] = []

const page = (html: string, tags: string) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`rsc of ${html}`),
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  headers: { 'x-next-cache-tags': tags } as Record<string, string>,
  status: 200,
})
const ready = (cache: Cache) => timeUntil(async () => Boolean(cache.shared?.ready), 10_000)

beforeAll(async () => {
  redis = await startRedis()
  const shared = { redisUrl: redis.redisUrl, secret: 'the-same-payload-secret' }
  a = createCache({
    ...shared,
    log: (m) => logs.push(`a: ${m}`),
    onMissedExpiries: (tags) => missedByA.push(...tags),
  })
  b = createCache({ ...shared, log: (m) => logs.push(`b: ${m}`) })
  await Promise.all([ready(a), ready(b)])
}, 60_000)

afterAll(async () => {
  a?.close()
  b?.close()
  await redis?.stop()
})

it('a page one instance stored is read by the other, bytes and all', async () => {
  await a.set('/posts/shared', page('<p>shared</p>', 'posts,post:shared'))
  await timeUntil(async () => (await b.get('/posts/shared')) !== null)
  const { value } = (await b.get('/posts/shared'))!
  expect(value.html).toBe('<p>shared</p>')
  expect(Buffer.isBuffer(value.rscData)).toBe(true)
  expect(value.rscData.toString()).toBe('rsc of <p>shared</p>')
  expect(value.segmentData.get('/_tree').toString()).toBe('tree')
  expect(value.headers.xkey).toBe('posts post:shared')
})

it('takes no entry it did not sign itself, and keeps addresses that do not exist to itself', async () => {
  const intruder = new Redis(redis.redisUrl)
  try {
    // Someone who can reach Redis but does not hold the secret writes a page of their own...
    const forged = createCache({ redisUrl: redis.redisUrl, secret: 'a guess' })
    await ready(forged)
    await forged.set('/posts/forged', page('<p>defaced</p>', 'posts'))
    await timeUntil(async () => (await intruder.exists('inkwell:cache:/posts/forged')) === 1)
    forged.close()
    expect(await b.get('/posts/forged')).toBeNull()
    // ...or plain bytes, or a real entry moved to another address.
    await intruder.set('inkwell:cache:/posts/raw', 'not an entry')
    expect(await b.get('/posts/raw')).toBeNull()
    await a.set('/posts/genuine', page('<p>genuine</p>', 'posts'))
    await timeUntil(async () => (await intruder.exists('inkwell:cache:/posts/genuine')) === 1)
    await intruder.copy('inkwell:cache:/posts/genuine', 'inkwell:cache:/posts/moved')
    expect(await b.get('/posts/moved')).toBeNull()
  } finally {
    intruder.disconnect()
  }
  await a.set('/posts/no-such-post', {
    ...page('<p>not found</p>', 'post:no-such-post'),
    status: 404,
  })
  await sleep(100)
  expect(await b.get('/posts/no-such-post')).toBeNull()
  expect(await a.get('/posts/no-such-post')).not.toBeNull()
})

it('a tag expired on one instance is expired on the other', async () => {
  await b.set('/posts/b', page('<p>b</p>', 'post:b'))
  expect(await b.get('/posts/b')).not.toBeNull()
  await sleep(2)
  await a.revalidateTag(['post:b'])
  await timeUntil(async () => (await b.get('/posts/b')) === null)
})

it('with Redis gone, each answers from its own memory and expiries wait for its return', async () => {
  await a.set('/posts/outage', page('<p>outage</p>', 'post:outage'))
  await b.set('/posts/outage', page('<p>outage</p>', 'post:outage'))
  const port = redis.port
  await redis.stop()
  await timeUntil(async () => logs.some((l) => l.startsWith('a: shared cache: Redis unavailable')))
  expect((await a.get('/posts/outage'))?.value.html).toBe('<p>outage</p>')
  await a.set('/posts/while-down', page('<p>down</p>', 'posts'))
  expect(await a.get('/posts/while-down')).not.toBeNull()
  await sleep(2)
  await a.revalidateTag(['post:outage'])
  expect(await a.get('/posts/outage')).toBeNull()
  // B could not hear of it yet...
  expect(await b.get('/posts/outage')).not.toBeNull()
  // ...and does once Redis is back (a fresh, empty one: A announces what it expired meanwhile).
  redis = await startRedis(port)
  await Promise.all([ready(a), ready(b)])
  await timeUntil(async () => (await b.get('/posts/outage')) === null)
  // And A says which expiries only went round now (the app purges the edge for them again),
  // once they have: B can hear of them a moment before A's own announcement returns.
  await timeUntil(async () => missedByA.length > 0, 10_000)
  expect(missedByA).toEqual(['post:outage'])
  expect(logs).toEqual(
    expect.arrayContaining([expect.stringMatching(/^b: shared cache: Redis is back/)]),
  )
})
