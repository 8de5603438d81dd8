import { randomUUID } from 'node:crypto'
import http from 'node:http'

import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { createTestPost } from '../support/posts'
import { POST_PATH, type ScaleStack, get, startScaleStack, warm } from '../support/scaleStack'
import { sleep, timeUntil } from '../support/wait'
import { signIn } from '../support/server'

/**
 * The scale drill, part one (also `npm run drill:scale`): what the edge keeps, passes and
 * refuses, and that a change leaves nothing old behind it, on the real parts of the scale
 * profile (tests/support/scaleStack.ts). Times are printed, not asserted.
 */
let stack: ScaleStack
beforeAll(async () => {
  stack = await startScaleStack()
}, 300_000)
afterAll(async () => {
  await stack?.stop()
})

describe('the edge', () => {
  it('serves reader pages from the edge, tagged, and keeps staff and the API away from it', async () => {
    await warm(`${stack.edge.url}${POST_PATH}`)
    const hit = await get(`${stack.edge.url}${POST_PATH}`)
    expect(hit.status).toBe(200)
    expect(hit.headers.get('x-cache')).toBe('HIT')
    // The keys are for purging; readers never see them.
    expect(hit.headers.get('xkey')).toBeNull()
    expect(hit.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=30')
    const direct = await get(`${stack.a.url}${POST_PATH}`)
    expect(direct.headers.get('xkey')).toContain(`post:${REFERENCE_POST_SLUG}`)

    const gzip = await fetch(`${stack.edge.url}${POST_PATH}`, {
      headers: { 'accept-encoding': 'gzip' },
    })
    await gzip.arrayBuffer()
    expect(gzip.headers.get('content-encoding')).toBe('gzip')

    const staff = await get(`${stack.edge.url}${POST_PATH}`, { cookie: 'payload-token=anything' })
    expect(staff.headers.get('x-cache')).toBe('MISS')
  })

  it('keeps uploaded images at the edge until media changes', async () => {
    const { docs } = await stack.payload.find({ collection: 'media', limit: 1, depth: 0 })
    const image = docs[0]!
    const url = `${stack.edge.url}/api/media/file/${image.filename}`
    await warm(url)
    expect((await get(url)).headers.get('x-cache')).toBe('HIT')
    await stack.payload.update({
      collection: 'media',
      id: image.id,
      data: { alt: 'A new alt text' },
    })
    await timeUntil(async () => (await get(url)).headers.get('x-cache') === 'MISS')
  })

  it('takes a purge only with the secret, from this machine too', async () => {
    const purge = (headers: Record<string, string>, localAddress?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          stack.edge.url,
          { method: 'PURGE', headers, localAddress },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          },
        )
        req.on('error', reject)
        req.end()
      })
    const keys = { 'xkey-purge': `post:${REFERENCE_POST_SLUG}` }
    // A TLS proxy on the edge's machine would make every reader look local: no free pass.
    expect(await purge(keys)).toBe(403)
    expect(await purge({ ...keys, 'x-purge-secret': 'guessed' }, '127.0.0.2')).toBe(403)
    expect(await purge({ 'x-purge-secret': stack.purgeSecret })).toBe(400)
    expect(await purge({ ...keys, 'x-purge-secret': stack.purgeSecret }, '127.0.0.2')).toBe(200)
  })

  it('refuses paths read two ways, passes API credentials, and makes one copy per page', async () => {
    const raw = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; cache: string | undefined }>((resolve, reject) => {
        // Sent as written: a URL would resolve the dots first.
        const req = http.request(
          { host: '127.0.0.1', port: stack.edge.port, path, headers },
          (res) => {
            res.resume()
            resolve({ status: res.statusCode ?? 0, cache: res.headers['x-cache'] as string })
          },
        )
        req.on('error', reject)
        req.end()
      })
    expect((await raw('/api/media/file/../../users/me')).status).toBe(400)
    expect((await raw('/api/media/file/%2e%2e/%2e%2e/users/me')).status).toBe(400)
    // An image the edge would keep, asked for with staff credentials: straight through.
    const { docs } = await stack.payload.find({ collection: 'media', limit: 1, depth: 0 })
    const image = `/api/media/file/${docs[0]!.filename}`
    const admin = await signIn(stack.a, 'admin')
    await raw(image, admin.headers)
    expect((await raw(image, admin.headers)).cache).toBe('MISS')
    await raw(image)
    expect((await raw(image)).cache).toBe('HIT')
    // A query string a page does not read makes no new copy of it.
    await warm(`${stack.edge.url}/`)
    expect(
      (await get(`${stack.edge.url}/?utm_source=${randomUUID()}`)).headers.get('x-cache'),
    ).toBe('HIT')
  })

  it('keeps an unknown address’s not-found page, and a redirect made for it is followed at once', async () => {
    const path = `/no-such-address-${randomUUID().slice(0, 8)}`
    await warm(`${stack.edge.url}${path}`)
    const kept = await get(`${stack.edge.url}${path}`)
    expect([kept.status, kept.headers.get('x-cache')]).toEqual([404, 'HIT'])
    const admin = await signIn(stack.a, 'admin')
    const res = await fetch(`${stack.a.url}/api/redirects`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        from: path,
        to: { type: 'reference', reference: { relationTo: 'posts', value: stack.postId } },
      }),
    })
    expect(res.status).toBe(201)
    const moved = await timeUntil(
      async () => (await get(`${stack.edge.url}${path}`)).status === 301,
      10_000,
    )
    stack.figures['redirect made -> followed through the edge'] = `${moved.toFixed(0)} ms`
    const after = await get(`${stack.edge.url}${path}`)
    const location = new URL(after.headers.get('location') ?? '', stack.edge.url).pathname
    expect([after.status, location]).toEqual([301, POST_PATH])
  })

  it('a retracted post is gone through the edge in every form: page, gzip, data, prefetch', async () => {
    const title = `Retracted advice ${randomUUID().slice(0, 8)}`
    const post = await createTestPost(stack.payload, 'live', title)
    const path = `/posts/${post.slug}`
    const forms: Record<string, Record<string, string>> = {
      page: {},
      gzip: { 'accept-encoding': 'gzip' },
      data: { rsc: '1' },
      prefetch: { rsc: '1', 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/_full' },
    }
    const showsTitle = async (headers: Record<string, string>) => {
      const res = await fetch(`${stack.edge.url}${path}`, { headers })
      return res.status === 200 && (await res.text()).includes(title)
    }
    for (const headers of Object.values(forms)) {
      await showsTitle(headers)
      expect(await showsTitle(headers)).toBe(true)
    }
    const admin = await signIn(stack.a, 'admin')
    const res = await fetch(`${stack.a.url}/api/posts/${post.id}`, {
      method: 'PATCH',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ _status: 'draft' }),
    })
    expect(res.status).toBe(200)
    for (const [form, headers] of Object.entries(forms)) {
      const gone = await timeUntil(async () => !(await showsTitle(headers)), 10_000)
      stack.figures[`retraction -> gone through the edge (${form})`] = `${gone.toFixed(0)} ms`
    }
    // And it stays gone once the re-expiries have run.
    await sleep(1_500)
    for (const headers of Object.values(forms)) expect(await showsTitle(headers)).toBe(false)
  })
})
