import type { Payload } from 'payload'

import { document } from '@/tools/seed/lexical'

import { type TestServer, localPayload, signIn, startServer } from '../support/server'

/**
 * Redirects through the official plugin, over HTTP against the production server: a redirect to
 * a post follows the post's slug at once and never leaks a post readers cannot see; an unknown
 * address's not-found page is rendered once and then served from the cache, until a redirect or
 * a post appears there.
 */
let server: TestServer
let payload: Payload
let staff: Record<string, string>

beforeAll(async () => {
  server = await startServer()
  payload = await localPayload(server)
  staff = { ...(await signIn(server, 'editor')).headers, 'content-type': 'application/json' }
}, 180_000)

afterAll(async () => {
  await payload?.destroy()
  await server?.stop()
})

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' })
const api = async (path: string, method: string, body: unknown) => {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: staff,
    body: JSON.stringify(body),
  })
  const json = (await res.json()) as { doc?: { id: string | number } }
  if (res.status >= 300)
    throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`)
  return json.doc!
}

const DAY_MS = 86_400_000
/** A post as staff write it in the dashboard (the REST API), so its hooks run in the server. */
const writePost = (slug: string, extra: Record<string, unknown> = {}) =>
  api('/posts', 'POST', {
    title: `Post ${slug}`,
    slug,
    content: document([{ type: 'p', text: 'Body.' }], () => 0),
    _status: 'published',
    ...extra,
  })
const redirectTo = (from: string, postId: string | number) =>
  api('/redirects', 'POST', {
    from,
    to: { type: 'reference', reference: { relationTo: 'posts', value: postId } },
  })
const location = (res: Response) => {
  const to = res.headers.get('location')
  return to && new URL(to, server.url).pathname
}

describe('a redirect that points at a post', () => {
  it('answers 301 to the post, and to its new slug as soon as staff change it', async () => {
    const post = await writePost('stretching-basics')
    await redirectTo('/2019/05/stretching/', post.id)
    const before = await get('/2019/05/stretching')
    expect([before.status, location(before)]).toEqual([301, '/posts/stretching-basics'])

    await api(`/posts/${post.id}`, 'PATCH', { slug: 'stretching-for-beginners' })
    // At once: the proxy remembered the old answer a moment ago, and must not use it now.
    const after = await get('/2019/05/stretching')
    expect([after.status, location(after)]).toEqual([301, '/posts/stretching-for-beginners'])
    expect((await get('/posts/stretching-for-beginners')).status).toBe(200)
  })

  it.each([
    ['a draft', { _status: 'draft' }],
    [
      'a post dated in the future',
      { publishedAt: new Date(Date.now() + 7 * DAY_MS).toISOString() },
    ],
  ])('to %s is not found, and its slug is not given away', async (_kind, extra) => {
    const slug = `unannounced-${Math.random().toString(36).slice(2, 8)}`
    const from = `/old-${Math.random().toString(36).slice(2, 8)}`
    const post = await writePost(slug, extra)
    await redirectTo(from, post.id)
    const res = await get(from)
    expect(res.status).toBe(404)
    expect(location(res)).toBeNull()
    expect(await res.text()).not.toContain(slug)
    const resolved = await fetch(`${server.url}/api/redirects/resolve?path=${from}`)
    expect(await resolved.json()).toEqual({ location: null })
  })

  it('starts to work when its draft is published', async () => {
    const post = await writePost('pelvic-health-soon', { _status: 'draft' })
    await redirectTo('/pelvic-health', post.id)
    expect((await get('/pelvic-health')).status).toBe(404)
    await api(`/posts/${post.id}`, 'PATCH', { _status: 'published' })
    const res = await get('/pelvic-health')
    expect([res.status, location(res)]).toEqual([301, '/posts/pelvic-health-soon'])
  })

  it('refuses a path to resolve that is missing or absurd, with a 400', async () => {
    expect((await fetch(`${server.url}/api/redirects/resolve`)).status).toBe(400)
    const long = `/${'x'.repeat(2100)}`
    expect((await fetch(`${server.url}/api/redirects/resolve?path=${long}`)).status).toBe(400)
  })
})

describe('an address that does not exist', () => {
  it('renders its not-found page once, then serves it from the cache, tagged for the edge', async () => {
    const first = await get('/no-such-page-here')
    expect(first.status).toBe(404)
    expect(await first.text()).toContain('Page not found')
    const second = await get('/no-such-page-here')
    expect(second.status).toBe(404)
    expect(await second.text()).toContain('Page not found')
    expect(second.headers.get('x-nextjs-cache')).toBe('HIT')
    // The edge keeps it under the keys a redirect or a publish purges.
    const keys = second.headers.get('xkey')?.split(' ') ?? []
    expect(keys).toEqual(expect.arrayContaining(['redirects', 'posts']))
    expect(second.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=30')
  })

  it('shows a redirect made for it on the next request', async () => {
    const post = await writePost('knee-pain-explained')
    for (let i = 0; i < 2; i += 1) expect((await get('/knee-pain')).status).toBe(404)
    expect((await get('/knee-pain')).headers.get('x-nextjs-cache')).toBe('HIT')
    await redirectTo('/knee-pain', post.id)
    const res = await get('/knee-pain')
    expect([res.status, location(res)]).toEqual([301, '/posts/knee-pain-explained'])
  })

  it('shows a post published at it on the next request', async () => {
    for (let i = 0; i < 2; i += 1) expect((await get('/posts/shoulder-care')).status).toBe(404)
    expect((await get('/posts/shoulder-care')).headers.get('x-nextjs-cache')).toBe('HIT')
    await writePost('shoulder-care')
    const res = await get('/posts/shoulder-care')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Post shoulder-care')
  })
})
