import type { Payload } from 'payload'

import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { TEST_STAFF, type TestServer, signIn, withTestSite } from '../support/server'

let server: TestServer
let payload: Payload
let draftId: number
let unpublishedSlug: string

const emptyContent = {
  root: { type: 'root', children: [], direction: null, format: '', indent: 0, version: 1 },
} as never

withTestSite({}, async (site) => {
  ;({ server, payload } = site)
  const draft = await payload.create({
    collection: 'posts',
    draft: true,
    data: { title: 'Secret Draft About Fillers', content: emptyContent, _status: 'draft' },
  })
  draftId = draft.id
  unpublishedSlug = draft.slug as string
})

const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api${path}`, init)

const login = (who: keyof typeof TEST_STAFF) => signIn(server, who)

describe('anonymous REST', () => {
  const listPosts = async (query: string) => {
    const res = await api(`/posts?limit=100${query}`)
    expect(res.status).toBe(200)
    return ((await res.json()) as { docs: { title: string; _status: string }[] }).docs
  }

  it('lists only published posts, even when asking for drafts', async () => {
    for (const query of ['', '&draft=true']) {
      const docs = await listPosts(query)
      expect(docs.length).toBeGreaterThanOrEqual(8)
      expect(docs.every((d) => d._status === 'published')).toBe(true)
      expect(docs.map((d) => d.title)).not.toContain('Secret Draft About Fillers')
    }
    expect(await listPosts('&where[_status][equals]=draft')).toEqual([])
    expect(await listPosts('&draft=true&where[title][like]=Secret')).toEqual([])
  })

  it('cannot read a draft by id or by slug', async () => {
    expect((await api(`/posts/${draftId}`)).status).toBe(404)
    expect((await api(`/posts/${draftId}?draft=true`)).status).toBe(404)
    const bySlug = await api(`/posts?where[slug][equals]=${unpublishedSlug}`)
    expect(((await bySlug.json()) as { totalDocs: number }).totalDocs).toBe(0)
  })

  it('cannot read post versions', async () => {
    const res = await api('/posts/versions')
    expect(res.status).toBe(403)
  })

  it('cannot list or read staff accounts', async () => {
    expect((await api('/users')).status).toBe(403)
    expect((await api('/users/1')).status).toBe(403)
  })

  it('cannot read staff accounts through GraphQL', async () => {
    const res = await api('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Users { docs { email roles } } }' }),
    })
    const body = (await res.json()) as { data?: { Users: unknown }; errors?: { message: string }[] }
    expect(body.data?.Users ?? null).toBeNull()
    expect(body.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(JSON.stringify(body)).not.toContain('@inkwell.test')
  })

  it('sees author profiles without the linked staff account', async () => {
    const res = await api('/authors?depth=1')
    const body = (await res.json()) as { docs: Record<string, unknown>[] }
    expect(body.docs.map((d) => d.name)).toEqual(
      expect.arrayContaining(['Maya Alvarez', 'Jordan Lee']),
    )
    for (const doc of body.docs) expect(doc).not.toHaveProperty('user')
  })

  it('cannot write content', async () => {
    const res = await api('/posts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Spam', content: emptyContent, _status: 'published' }),
    })
    expect(res.status).toBe(403)
    const { totalDocs } = await payload.count({
      collection: 'posts',
      where: { title: { equals: 'Spam' } },
    })
    expect(totalDocs).toBe(0)
  })
})

describe('staff roles over REST', () => {
  it('an editor cannot create users', async () => {
    const { headers } = await login('editor')
    const res = await api('/users', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'sneaky@clinic.example',
        password: 'sneaky-pass',
        roles: ['admin'],
      }),
    })
    expect(res.status).toBe(403)
    const { totalDocs } = await payload.count({
      collection: 'users',
      where: { email: { equals: 'sneaky@clinic.example' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('an editor cannot give themselves another role', async () => {
    const { headers, user } = await login('editor')
    await api(`/users/${user.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['admin'] }),
    })
    const stored = await payload.findByID({ collection: 'users', id: user.id })
    expect(stored.roles).toEqual(['editor'])
  })

  it('an editor can write posts; a moderator cannot', async () => {
    const editor = await login('editor')
    const created = await api('/posts?draft=true', {
      method: 'POST',
      headers: { ...editor.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Editor Draft', content: emptyContent, _status: 'draft' }),
    })
    expect(created.status).toBe(201)
    const moderator = await login('moderator')
    const refused = await api('/posts', {
      method: 'POST',
      headers: { ...moderator.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Moderator Post', content: emptyContent }),
    })
    expect(refused.status).toBe(403)
  })

  it('a moderator reads drafts but cannot change settings', async () => {
    const { headers } = await login('moderator')
    expect((await api(`/posts/${draftId}?draft=true`, { headers })).status).toBe(200)
    const res = await api('/globals/site-settings', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ siteName: 'Hijacked' }),
    })
    expect(res.status).toBe(403)
    const settings = await payload.findGlobal({ slug: 'site-settings' })
    expect(settings.siteName).not.toBe('Hijacked')
  })

  it('an admin can create a user with a role', async () => {
    const { headers } = await login('admin')
    const res = await api('/users', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'new-mod@clinic.example',
        password: 'new-mod-pass',
        roles: ['moderator'],
      }),
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { doc: { roles: string[] } }
    expect(body.doc.roles).toEqual(['moderator'])
  })

  it('failed logins never lock the account (see staffSecurity for how guessing is slowed)', async () => {
    const attempt = (password: string) =>
      api('/users/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'new-mod@clinic.example', password }),
      })
    for (let i = 0; i < 4; i += 1) expect((await attempt('wrong-password')).status).toBe(401)
    expect((await attempt('new-mod-pass')).status).toBe(200)
  })
})

describe('reader pages over HTTP', () => {
  it('never show the draft', async () => {
    const home = await (await fetch(`${server.url}/`)).text()
    expect(home).not.toContain('Secret Draft About Fillers')
    const page = await fetch(`${server.url}/posts/${unpublishedSlug}`)
    expect(page.status).toBe(404)
    const reference = await (await fetch(`${server.url}/posts/${REFERENCE_POST_SLUG}`)).text()
    expect(reference).not.toContain('Secret Draft About Fillers')
  })
})
