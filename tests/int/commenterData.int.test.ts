import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { createTestPost } from '../support/posts'
import { type TestServer, getHtml, signIn, withTestSite } from '../support/server'

/**
 * A commenter's data on request, over HTTP against the built app: a moderator downloads every
 * comment stored for an email, or erases the person from them; nobody else may do either.
 */
let server: TestServer
let payload: Payload
let slug: string
let postId: Awaited<ReturnType<typeof createTestPost>>['id']
let moderator: Record<string, string>
let editor: Record<string, string>

const id = randomUUID().slice(0, 8)
const EMAIL = `rosa-${id}@example.com`
const NAME = `Rosa Erasable ${id}`
const WEBSITE = `https://rosa-${id}.example`
const ids: Record<string, unknown> = {}

withTestSite({}, async (site) => {
  ;({ server, payload } = site)
  const post = await createTestPost(payload, 'live', `Commenter data ${id}`)
  postId = post.id
  slug = post.slug!
  moderator = (await signIn(server, 'moderator')).headers
  editor = (await signIn(server, 'editor')).headers
  const store = (status: string, over: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'comments',
      data: {
        post: postId,
        authorName: NAME,
        authorEmail: EMAIL,
        authorWebsite: WEBSITE,
        body: `Rosa's ${status} comment ${randomUUID()}`,
        status: status as 'approved',
        ipHash: `iphash-${id}`,
        userAgent: `Agent ${id}`,
        commenterKey: `key-${id}`,
        ...over,
      },
      context: { trustedImport: true },
    })
  ids.approved = (await store('approved')).id
  ids.pending = (await store('pending')).id
  ids.spam = (await store('spam')).id
  ids.other = (
    await store('approved', {
      authorEmail: `sam-${id}@example.com`,
      authorName: `Sam ${id}`,
      authorWebsite: null,
    })
  ).id
})

const post = (action: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/commenter-data/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

type Exported = { comments: Record<string, unknown>[] }

describe('export', () => {
  it('gives a moderator every comment stored for the email, every status, every detail', async () => {
    const res = await post('export', { email: `  ${EMAIL.toUpperCase()} ` }, moderator)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.json"$/)
    const file = (await res.json()) as Exported
    expect(file.comments.map((c) => c.id).sort()).toEqual(
      [ids.approved, ids.pending, ids.spam].sort(),
    )
    expect(new Set(file.comments.map((c) => c.status))).toEqual(
      new Set(['approved', 'pending', 'spam']),
    )
    for (const c of file.comments) {
      expect(c).toMatchObject({
        authorEmail: EMAIL,
        ipHash: `iphash-${id}`,
        userAgent: `Agent ${id}`,
      })
    }
  })

  it('refuses editors and the public with a 403', async () => {
    for (const headers of [editor, {}]) {
      const res = await post('export', { email: EMAIL }, headers)
      expect(res.status).toBe(403)
      expect(await res.text()).not.toContain(EMAIL)
    }
  })

  it('answers bad input with a 400 and a clear message', async () => {
    for (const body of [
      { email: 'not-an-address' },
      {},
      'just text',
      { email: 'x'.repeat(300) + '@a.example' },
    ]) {
      const res = await post('export', body, moderator)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: string }).error).toMatch(/email|address/i)
    }
  })
})

describe('erase', () => {
  const stillStored = async () =>
    (await payload.count({ collection: 'comments', where: { authorEmail: { equals: EMAIL } } }))
      .totalDocs

  it('refuses editors, the public, bad input and a missing confirmation, changing nothing', async () => {
    expect((await post('erase', { email: EMAIL, confirm: true }, editor)).status).toBe(403)
    expect((await post('erase', { email: EMAIL, confirm: true })).status).toBe(403)
    const unconfirmed = await post('erase', { email: EMAIL }, moderator)
    expect(unconfirmed.status).toBe(400)
    expect(((await unconfirmed.json()) as { error: string }).error).toMatch(/confirm/i)
    expect((await post('erase', { email: 'nope', confirm: true }, moderator)).status).toBe(400)
    expect(await stillStored()).toBe(3)
  })

  it('keeps the comments as Anonymous, with nothing left that names the person', async () => {
    const before = await getHtml(`${server.url}/posts/${slug}`)
    expect(before).toContain(NAME)
    expect(before).toContain(WEBSITE)

    const res = await post('erase', { email: EMAIL, confirm: true }, moderator)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ erased: 3 })

    // Not found by the email, even by a moderator, over REST.
    const rest = await fetch(
      `${server.url}/api/comments?where[authorEmail][equals]=${encodeURIComponent(EMAIL)}`,
      { headers: moderator },
    )
    expect(((await rest.json()) as { totalDocs: number }).totalDocs).toBe(0)
    const again = (await (await post('export', { email: EMAIL }, moderator)).json()) as Exported
    expect(again.comments).toHaveLength(0)

    for (const key of ['approved', 'pending', 'spam'] as const) {
      const c = await payload.findByID({ collection: 'comments', id: ids[key] as string })
      expect(c).toMatchObject({ authorName: 'Anonymous', status: key })
      for (const field of ['authorEmail', 'authorWebsite', 'ipHash', 'userAgent', 'commenterKey'])
        expect(c[field as keyof typeof c] ?? null).toBeNull()
      expect(c.body).toContain(`Rosa's ${key} comment`)
    }
    // The other commenter is untouched.
    const other = await payload.findByID({ collection: 'comments', id: ids.other as string })
    expect(other.authorName).toBe(`Sam ${id}`)

    // The post page was refreshed: the comment shows, signed Anonymous, without name or link.
    const after = await getHtml(`${server.url}/posts/${slug}`)
    expect(after).not.toContain(NAME)
    expect(after).not.toContain(WEBSITE)
    expect(after).toContain('Anonymous')
    expect(after).toContain('Rosa&#x27;s approved comment')
  })

  it('the log says an erase happened and how many comments, never the address', () => {
    const lines = server
      .logs()
      .split('\n')
      .filter((l) => l.includes('Commenter erase'))
    expect(lines.join('\n')).toContain('3 comments made anonymous')
    expect(server.logs()).not.toContain(EMAIL)
  })
})
