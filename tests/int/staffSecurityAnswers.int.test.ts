import { previewPath } from '@/lib/preview'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { postCommentForm } from '../support/commentForm'
import { getHtml, signIn, TEST_STAFF } from '../support/server'
import { api, json, nextIp, payload, server, staffSecuritySite } from '../support/staffApi'

staffSecuritySite()

describe('forgot password tells nobody who has an account', () => {
  const ask = async (email: string) => {
    const res = await api('/users/forgot-password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
      body: JSON.stringify({ email }),
    })
    return { status: res.status, body: await res.text() }
  }
  const resetEmails = () =>
    server
      .logs()
      .split('\n')
      .filter((l) => /Reset Your Password/i.test(l)).length

  it('answers a real and a made-up email alike, and the real one still gets its email', async () => {
    const before = resetEmails()
    const real = await ask(TEST_STAFF.editor.email)
    const unknown = await ask('nobody-here@inkwell.test')
    expect(real).toEqual(unknown)
    expect(real.status).toBe(200)
    const deadline = Date.now() + 10_000
    while (resetEmails() === before && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200))
    expect(resetEmails()).toBe(before + 1)
  })
})

describe('redirects never send readers off the site by accident', () => {
  const create = async (from: string, url: string) => {
    const { headers } = await signIn(server, 'editor')
    const res = await api('/redirects', {
      method: 'POST',
      headers: json(headers),
      body: JSON.stringify({ from, to: { type: 'custom', url } }),
    })
    return { status: res.status, text: await res.text() }
  }

  it.each(['/\\evil.example/x', '//evil.example/x', '/\\/evil.example', 'javascript:alert(1)'])(
    'a custom target that only looks like a path is refused: %s',
    async (to) => {
      const res = await create(`/old-${Math.random()}`, to)
      expect(res.status).toBe(400)
      expect(res.text).toMatch(/path on this site starting with \//)
    },
  )

  it('an old path is kept in one spelling: no query, no trailing slash, no doubled slashes', async () => {
    const res = await create('//2019//old-spelling/?utm_source=x', '/posts/a-post')
    expect(res.status).toBe(201)
    expect(JSON.parse(res.text).doc.from).toBe('/2019/old-spelling')
  })

  it('a path and a full https address are kept as browsers will read them', async () => {
    const local = await create('/old-local', '/posts/./a-post')
    expect(local.status).toBe(201)
    expect(JSON.parse(local.text).doc.to).toMatchObject({ type: 'custom', url: '/posts/a-post' })
    expect((await create('/old-away', 'https://partner.example/page')).status).toBe(201)
    const res = await fetch(`${server.url}/old-away`, { redirect: 'manual' })
    expect([res.status, res.headers.get('location')]).toEqual([301, 'https://partner.example/page'])
  })

  it('a bad target stored before this rule (an old import) is not followed', async () => {
    await payload.db.create({
      collection: 'redirects',
      data: { from: '/old-legacy', to: { type: 'custom', url: '/\\evil.example/x' } },
    })
    const res = await fetch(`${server.url}/old-legacy`, { redirect: 'manual' })
    expect(res.status).toBe(404)
    expect(res.headers.get('location')).toBeNull()
  })

  it('a reader cannot make one', async () => {
    const res = await api('/redirects', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '/anyone', to: { type: 'custom', url: '/' } }),
    })
    expect(res.status).toBe(403)
  })
})

describe('headers and refusals', () => {
  it.each(['/admin/login', '/', `/posts/${REFERENCE_POST_SLUG}`])(
    'no other site may frame %s',
    async (path) => {
      const res = await fetch(`${server.url}${path}`)
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    },
  )

  it.each([
    ['another site’s page', 'https://evil.example', 403, /only be sent from this website/],
    ['a sandboxed frame (Origin: null)', 'null', 403, /only be sent from this website/],
  ])(
    'a form post from %s gets a 4xx page a person can read',
    async (_what, origin, status, text) => {
      const res = await postCommentForm(
        server,
        REFERENCE_POST_SLUG,
        { name: 'Rosa', email: 'rosa@example.com', body: 'Hello there' },
        { origin, ip: nextIp() },
      )
      expect(res.status).toBe(status)
      expect(res.html).toMatch(text)
    },
  )

  it('a form post over 1 MB gets a 413, not a 500', async () => {
    const res = await postCommentForm(
      server,
      REFERENCE_POST_SLUG,
      { name: 'Rosa', email: 'rosa@example.com', body: 'x'.repeat(1_200_000) },
      { ip: nextIp() },
    )
    expect(res.status).toBe(413)
    expect(res.html).toMatch(/up to 5,000 characters/)
  })

  it.each([
    ['/globals/site-settings/versions', 404, /no version history/],
    ['/globals/moderation-settings/versions', 404, /no version history/],
    ['/comments/versions', 404, /no version history/],
    ['/posts/not-an-id', 404, /Not Found/],
    ['/comments?where[post][equals]=abc', 400, /is not an id/],
    ['/comments?where[parent][in]=1,abc', 400, /is not an id/],
    ['/posts?where[publishedAt][greater_than]=notadate', 400, /is a date/],
    ['/posts?where[publishedAt][near]=1,2', 400, /near/],
    ['/posts?where=%5B', 400, /where\[field\]/],
    ['/comments/me', 404, /Not Found/],
    ['/comments/access', 404, /Not Found/],
    ['/posts/login', 404, /Not Found/],
    ['/users/unlock', 404, /Not Found/],
    ['/media/file/no-such-file.png', 404, /Not Found/],
    ['/comments?where[post.publishedAt][less_than]=abc', 400, /is a date/],
    ['/comments?where[post.id][equals]=abc', 400, /is not an id/],
    ['/comments?where[parent.id][equals]=abc', 400, /is not an id/],
    ['/posts?where[meta.image][equals]=abc', 400, /is not an id/],
    ['/posts?where[content.root][equals]=x', 400, /nothing to filter on/],
    ['/posts?where[title][within]=x', 400, /point field/],
    ['/posts?where[title][intersects]=x', 400, /point field/],
    ['/posts?where[id][equals][foo]=1', 400, /where\[field\]/],
    ['/posts?where[title][equals][]=x', 400, /where\[field\]/],
    ['/posts?page=1e20', 400, /whole number/],
    ['/tags?where[id][in]=,,,', 400, /at least one value/],
    ['/reusable-blocks?joins[usedIn][where][publishedAt][less_than]=abc', 400, /is a date/],
    ['/posts/versions?where[parent][equals]=abc', 400, /is not an id/],
    ['/payload-locked-documents?where[user][equals]=abc', 400, /is not an id/],
    ['/payload-preferences?where[user][equals]=abc', 400, /is not an id/],
  ])('staff GET %s answers %i with a clear message', async (path, status, message) => {
    const { headers } = await signIn(server, 'admin')
    const res = await api(path, { headers })
    expect(res.status).toBe(status)
    expect(await res.text()).toMatch(message)
  })

  it('a filter sent in the body of a POST standing in for a GET is checked too', async () => {
    const { headers } = await signIn(server, 'admin')
    const res = await api('/posts', {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/x-www-form-urlencoded',
        'x-payload-http-method-override': 'GET',
      },
      body: 'where[publishedAt][greater_than]=notadate',
    })
    expect(res.status).toBe(400)
  })

  it('the guard lets good requests through: by id, versions, filters, files, preferences', async () => {
    const { headers } = await signIn(server, 'admin')
    const { docs } = await payload.find({ collection: 'posts', limit: 1 })
    const media = (await payload.find({ collection: 'media', limit: 1 })).docs[0]!
    for (const path of [
      `/posts/${docs[0]!.id}`,
      '/posts/versions?limit=1',
      `/comments?where[post][equals]=${docs[0]!.id}`,
      `/comments?where[post.slug][equals]=${REFERENCE_POST_SLUG}`,
      '/posts?where[publishedAt][greater_than]=2020-01-01&limit=5&page=1&depth=0',
      `/payload-locked-documents?where[document.value][equals]=${docs[0]!.id}&where[document.relationTo][equals]=posts`,
      `/media/file/${media.filename}`,
      '/users/me',
    ]) {
      expect([path, (await api(path, { headers })).status]).toEqual([path, 200])
    }
    // The dashboard keeps each person's list columns as preferences, keyed by name.
    const saved = await api('/payload-preferences/collection-posts', {
      method: 'POST',
      headers: json(headers),
      body: JSON.stringify({ value: { limit: 25 } }),
    })
    expect(saved.status).toBe(200)
    const read = await api('/payload-preferences/collection-posts', { headers })
    expect(JSON.stringify(await read.json())).toContain('25')
  })
})

describe('draft mode after signing out', () => {
  it('a staff member who signs out while previewing reads posts as everyone does', async () => {
    const { headers } = await signIn(server, 'editor')
    const preview = await fetch(
      `${server.url}${previewPath(payload.secret, REFERENCE_POST_SLUG)}`,
      {
        headers,
        redirect: 'manual',
      },
    )
    const cookie = (preview.headers.get('set-cookie') ?? '').split(';')[0]!
    expect(cookie).toMatch(/^__prerender_bypass=/)
    // Signed out: the draft-mode cookie stays, the session is gone.
    const res = await fetch(`${server.url}/posts/${REFERENCE_POST_SLUG}`, { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Ways to Achieve Pain Relief Through Medical Massage')
    await getHtml(`${server.url}/posts/no-such-post`, 404)
  })
})
