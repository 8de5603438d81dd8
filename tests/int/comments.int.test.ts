import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { issueFormToken } from '@/lib/comments/formToken'
import { REFERENCE_POST_SLUG } from '@/lib/seed'
import { document } from '@/lib/seed/lexical'

import {
  TEST_STAFF,
  type TestServer,
  getHtml,
  localPayload,
  signIn,
  startServer,
} from '../support/server'

let server: TestServer
let payload: Payload
let postId: number | string
let otherPostId: number | string
let ipCounter = 0

beforeAll(async () => {
  server = await startServer()
  payload = await localPayload(server)
  const find = async (slug: string) =>
    (await payload.find({ collection: 'posts', where: { slug: { equals: slug } }, limit: 1 }))
      .docs[0]!.id
  postId = await find(REFERENCE_POST_SLUG)
  otherPostId = await find('massage-for-tension-headaches')
}, 180_000)

afterAll(async () => {
  await payload?.destroy()
  await server?.stop()
})

/** Each request comes from its own address unless a test says otherwise (rate limits are per IP). */
const nextIp = () => {
  ipCounter += 1
  return `198.51.100.${ipCounter}`
}
const token = (post = postId, ageMs = 10_000) =>
  issueFormToken(payload.secret, post, Date.now() - ageMs)
const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api${path}`, init)

type Submission = Record<string, unknown>
const valid = (over: Submission = {}): Submission => ({
  post: postId,
  authorName: 'Rosa Patient',
  authorEmail: `rosa-${randomUUID()}@example.com`,
  body: `Thank you, this helped my back. ${randomUUID()}`,
  formToken: token(),
  ...over,
})

const submit = async (
  data: Submission,
  { ip = nextIp(), headers = {} as Record<string, string> } = {},
) => {
  const res = await api('/comments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
    body: JSON.stringify(data),
  })
  const body = (await res.json()) as {
    doc?: Record<string, unknown>
    errors?: { message: string; data?: { errors?: { path: string; message: string }[] } }[]
  }
  const messages = (body.errors ?? []).flatMap((e) => [
    e.message,
    ...(e.data?.errors ?? []).map((d) => d.message),
  ])
  return { status: res.status, doc: body.doc, messages: messages.join(' | ') }
}

const stored = async (where: Record<string, unknown> = {}) =>
  (await payload.count({ collection: 'comments', where: where as never })).totalDocs

const login = async (who: keyof typeof TEST_STAFF) => (await signIn(server, who)).headers

const postPage = () => getHtml(`${server.url}/posts/${REFERENCE_POST_SLUG}`)

describe('moderation round trip', () => {
  let commentId: string | number
  const body = `Massage twice a week changed my life. ${randomUUID()}`
  const email = `round-trip-${randomUUID()}@example.com`

  it('a reader’s first comment is held, and readers do not see it', async () => {
    await postPage()
    const res = await submit(valid({ body, authorEmail: email }))
    expect(res.status).toBe(201)
    commentId = res.doc!.id as string
    expect(res.doc).not.toHaveProperty('authorEmail')
    const saved = await payload.findByID({ collection: 'comments', id: commentId })
    expect(saved.status).toBe('pending')
    expect(saved.signals).toEqual(['first comment from this email'])
    expect(await postPage()).not.toContain(body)
  })

  it('a moderator approves it and it shows on the next request', async () => {
    const headers = await login('moderator')
    const res = await api(`/comments/${commentId}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    })
    expect(res.status).toBe(200)
    const html = await postPage()
    expect(html).toContain(body)
    expect(html).toContain('1 Comment')
  })

  it('a staff reply from the dashboard is approved, badged and nested', async () => {
    const headers = await login('moderator')
    const res = await api('/comments', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ parent: commentId, body: 'We are so glad to hear it!' }),
    })
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as { doc: Record<string, unknown> }
    expect(doc).toMatchObject({
      status: 'approved',
      isStaffReply: true,
      authorName: 'Replenish Aesthetics and Wellness',
    })
    const html = await postPage()
    const thread = html.slice(html.indexOf(`id="comment-${commentId}"`))
    expect(thread).toMatch(/comment-list--replies.*We are so glad to hear it!/s)
    expect(thread).toMatch(/class="badge">Staff</)
  })

  it('the same email is trusted next time: approved at once', async () => {
    const next = `Back again with a question. ${randomUUID()}`
    const res = await submit(valid({ body: next, authorEmail: email.toUpperCase() }))
    expect(res.status).toBe(201)
    const saved = await payload.findByID({ collection: 'comments', id: res.doc!.id as string })
    expect(saved.status).toBe('approved')
    expect(await postPage()).toContain(next)
  })

  it('trashing a comment removes it on the next request', async () => {
    const headers = await login('admin')
    await api(`/comments/${commentId}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'trash' }),
    })
    expect(await postPage()).not.toContain(body)
  })

  it('an editor cannot moderate', async () => {
    const headers = await login('editor')
    const res = await api(`/comments/${commentId}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    })
    expect(res.status).toBe(403)
  })
})

describe('a commenter’s email never leaves the server', () => {
  const email = `leak-probe-${randomUUID()}@example.com`
  let id: string | number
  let ipHash: string
  const responses: [string, string][] = []

  beforeAll(async () => {
    const res = await submit(valid({ authorEmail: email, authorWebsite: 'https://rosa.example' }))
    id = res.doc!.id as string
    await payload.update({ collection: 'comments', id, data: { status: 'approved' } })
    ipHash = (await payload.findByID({ collection: 'comments', id })).ipHash as string
    expect(ipHash).toMatch(/^[0-9a-f]{32}$/)

    const anonymous = {}
    const editor = await login('editor')
    const probes = [
      '/api/comments',
      `/api/comments/${id}`,
      `/api/comments/${id}?depth=3`,
      '/api/comments?depth=3&limit=100',
      '/api/comments?select[authorEmail]=true&select[ipHash]=true&select[userAgent]=true',
      `/api/comments?where[authorEmail][equals]=${encodeURIComponent(email)}`,
      '/api/comments?where[authorEmail][like]=leak-probe',
      '/api/comments?where[ipHash][exists]=true',
      '/api/comments?sort=authorEmail',
      '/api/comments?sort=-ipHash',
      `/api/posts/${postId}?depth=3`,
      '/api/posts?depth=3',
      `/posts/${REFERENCE_POST_SLUG}`,
    ]
    for (const [who, headers] of [
      ['anonymous', anonymous],
      ['editor', editor],
    ] as const) {
      for (const path of probes) {
        const res = await fetch(`${server.url}${path}`, { headers })
        responses.push([`${who} GET ${path}`, await res.text()])
      }
      const rsc = await fetch(`${server.url}/posts/${REFERENCE_POST_SLUG}`, {
        headers: { ...headers, RSC: '1' },
      })
      responses.push([`${who} RSC payload`, await rsc.text()])
      for (const query of [
        '{ Comments(limit: 100) { docs { id body authorEmail ipHash userAgent signals } } }',
        `{ Comment(id: ${JSON.stringify(id)}) { authorEmail ipHash userAgent } }`,
        `{ Comments(where: { authorEmail: { equals: ${JSON.stringify(email)} } }) { totalDocs docs { id } } }`,
      ]) {
        const res = await fetch(`${server.url}/api/graphql`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        })
        responses.push([`${who} GraphQL ${query}`, await res.text()])
      }
    }
    // What the commenter gets back from their own submission.
    const own = await submit(valid({ authorEmail: email, body: `Another one ${randomUUID()}` }))
    responses.push(['commenter POST /api/comments', JSON.stringify(own)])
  })

  it('the comment itself is public', () => {
    const page = responses.find(([name]) => name === `anonymous GET /posts/${REFERENCE_POST_SLUG}`)!
    expect(page[1]).toContain('https://rosa.example')
  })

  it('no response to an anonymous visitor, an editor or the commenter holds the email or IP hash', () => {
    expect(responses.length).toBeGreaterThanOrEqual(30)
    const leaks = responses
      .filter(([, text]) => text.includes(email) || text.includes(ipHash))
      .map(([name]) => name)
    expect(leaks).toEqual([])
  })

  it('filtering on the email is no oracle: a real and a made-up address answer alike', async () => {
    const ask = async (address: string) => {
      const res = await api(`/comments?where[authorEmail][equals]=${encodeURIComponent(address)}`)
      return [res.status, ((await res.json()) as { totalDocs?: number }).totalDocs ?? null]
    }
    expect(await ask(email)).toEqual(await ask(`nobody-${randomUUID()}@example.com`))
  })

  it('moderators do see the email', async () => {
    const res = await api(`/comments/${id}`, { headers: await login('moderator') })
    expect(await res.text()).toContain(email)
  })
})

describe('abuse corpus: each bad input is refused or held as designed, nothing wrongly stored', () => {
  let draftId: number | string
  let closedId: number | string
  let pendingParent: number | string
  let approvedParent: number | string

  beforeAll(async () => {
    const content = document([{ type: 'p', text: 'Body.' }], () => 0) as never
    draftId = (
      await payload.create({
        collection: 'posts',
        draft: true,
        data: { title: 'Unpublished', content, _status: 'draft' },
      })
    ).id
    closedId = (
      await payload.create({
        collection: 'posts',
        data: { title: 'Closed for comments', content, _status: 'published', commentsOpen: false },
      })
    ).id
    await payload.updateGlobal({
      slug: 'moderation-settings',
      data: { disallowedWords: 'casino\ncheap pills', moderationWords: 'refund', maxLinks: 2 },
    })
    pendingParent = (await submit(valid())).doc!.id as string
    approvedParent = (await submit(valid())).doc!.id as string
    await payload.update({
      collection: 'comments',
      id: approvedParent,
      data: { status: 'approved' },
    })
  })

  const refused: [string, () => Submission, number, RegExp][] = [
    ['missing name', () => valid({ authorName: '' }), 400, /enter your name/],
    ['missing email', () => valid({ authorEmail: undefined }), 400, /enter your email/],
    ['invalid email', () => valid({ authorEmail: 'not-an-email' }), 400, /valid email/],
    ['SQL in the email', () => valid({ authorEmail: "a@b.com' OR '1'='1" }), 400, /valid email/],
    [
      'javascript: website',
      () => valid({ authorWebsite: 'javascript:alert(1)' }),
      400,
      /http:\/\/ or https:\/\//,
    ],
    [
      'data: website',
      () => valid({ authorWebsite: 'data:text/html,<script>alert(1)</script>' }),
      400,
      /http:\/\/ or https:\/\//,
    ],
    ['one-character comment', () => valid({ body: 'x' }), 400, /at least 2 characters/],
    ['whitespace-only comment', () => valid({ body: '     ' }), 400, /at least 2 characters/],
    ['oversized comment', () => valid({ body: 'x'.repeat(5001) }), 400, /under 5000 characters/],
    ['oversized name', () => valid({ authorName: 'n'.repeat(81) }), 400, /under 80 characters/],
    [
      'script tag as a name',
      () => valid({ authorName: '<script>alert(1)</script>' }),
      400,
      /cannot contain/,
    ],
    [
      'honeypot filled',
      () => valid({ homepage: 'http://spam.example' }),
      400,
      /could not be posted/,
    ],
    ['no time token', () => valid({ formToken: undefined }), 400, /expired/],
    ['posted too fast', () => valid({ formToken: token(postId, 0) }), 400, /That was quick/],
    [
      'forged token',
      () => valid({ formToken: `${postId}.${Math.floor(Date.now() / 1000) - 60}.forged` }),
      400,
      /expired/,
    ],
    ['token for another post', () => valid({ formToken: token(otherPostId) }), 400, /expired/],
    ['stale token', () => valid({ formToken: token(postId, 4 * 86_400_000) }), 400, /expired/],
    [
      'unknown post',
      () => valid({ post: 987654, formToken: token(987654) }),
      403,
      /cannot be commented/,
    ],
    [
      'unpublished post',
      () => valid({ post: draftId, formToken: token(draftId) }),
      403,
      /cannot be commented/,
    ],
    [
      'closed post',
      () => valid({ post: closedId, formToken: token(closedId) }),
      403,
      /Comments are closed/,
    ],
    ['reply to a pending comment', () => valid({ parent: pendingParent }), 400, /not available/],
    [
      'reply across posts',
      () => valid({ parent: approvedParent, post: otherPostId, formToken: token(otherPostId) }),
      400,
      /not available/,
    ],
  ]

  it.each(refused)(
    '%s is refused with a clear message and nothing stored',
    async (_name, make, status, message) => {
      const before = await stored()
      const res = await submit(make())
      expect([res.status, res.messages]).toEqual([status, expect.stringMatching(message)])
      expect(await stored()).toBe(before)
    },
  )

  it('a duplicate from the same email within ten minutes is refused', async () => {
    const first = valid()
    expect((await submit(first)).status).toBe(201)
    const before = await stored()
    const again = await submit({ ...first, formToken: token() })
    expect([again.status, again.messages]).toEqual([409, expect.stringMatching(/already posted/)])
    expect(await stored()).toBe(before)
  })

  it('a flood from one address is refused after the first comment', async () => {
    const ip = nextIp()
    expect((await submit(valid(), { ip })).status).toBe(201)
    const before = await stored()
    const second = await submit(valid(), { ip })
    expect([second.status, second.messages]).toEqual([
      429,
      expect.stringMatching(/wait a few seconds/),
    ])
    expect(await stored()).toBe(before)
  })

  const held: [string, () => Submission, string, string][] = [
    [
      'three links',
      () => valid({ body: 'https://a.example https://b.example https://c.example' }),
      'pending',
      '3 links',
    ],
    [
      'a disallowed word',
      () => valid({ body: 'Visit my casino tonight' }),
      'spam',
      'disallowed word: casino',
    ],
    [
      'a moderation word',
      () => valid({ body: 'I would like a refund please' }),
      'pending',
      'matched word: refund',
    ],
    [
      'a script tag in the comment',
      () => valid({ body: '<script>alert("x")</script> nice post' }),
      'pending',
      'first comment from this email',
    ],
    [
      'SQL in the comment',
      () => valid({ body: "'); DROP TABLE comments;--" }),
      'pending',
      'first comment from this email',
    ],
  ]

  it.each(held)(
    '%s is stored with the right status and signal',
    async (_name, make, status, signal) => {
      const res = await submit(make())
      expect(res.status).toBe(201)
      const saved = await payload.findByID({ collection: 'comments', id: res.doc!.id as string })
      expect(saved.status).toBe(status)
      expect(saved.signals).toContain(signal)
    },
  )

  it('forged server-owned fields are ignored: status, staff flag, IP hash, agent, signals', async () => {
    const res = await submit(
      valid({
        status: 'approved',
        isStaffReply: true,
        ipHash: 'forged',
        userAgent: 'forged',
        signals: ['trusted'],
        threadDepth: 0,
      }),
      { headers: { 'user-agent': 'RealBrowser/1.0' } },
    )
    expect(res.status).toBe(201)
    const saved = await payload.findByID({ collection: 'comments', id: res.doc!.id as string })
    expect(saved).toMatchObject({
      status: 'pending',
      isStaffReply: false,
      userAgent: 'RealBrowser/1.0',
      threadDepth: 1,
    })
    expect(saved.ipHash).not.toBe('forged')
    expect(saved.signals).toEqual(['first comment from this email'])
  })

  it('GraphQL runs the same rules: no token, no comment; a forged status is ignored', async () => {
    const gql = async (data: string) => {
      const res = await api('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
        body: JSON.stringify({ query: `mutation { createComment(data: ${data}) { id status } }` }),
      })
      return (await res.json()) as {
        data?: { createComment: { id: string; status: string } | null }
        errors?: unknown[]
      }
    }
    const before = await stored()
    const refusedGql = await gql(
      `{ post: ${postId}, authorName: "Bot", authorEmail: "bot@example.com", body: "Hello", status: approved }`,
    )
    expect(refusedGql.errors?.length).toBeGreaterThan(0)
    expect(await stored()).toBe(before)
    const accepted = await gql(
      `{ post: ${postId}, authorName: "Rosa", authorEmail: "gql-${randomUUID()}@example.com", body: "Via GraphQL", formToken: ${JSON.stringify(token())}, status: approved }`,
    )
    const id = accepted.data?.createComment?.id
    expect(id).toBeTruthy()
    expect((await payload.findByID({ collection: 'comments', id: id! })).status).toBe('pending')
  })

  it('a script tag in an approved comment is shown as text, never run', async () => {
    const res = await submit(valid({ body: '<img src=x onerror=alert(1)> hello' }))
    await payload.update({
      collection: 'comments',
      id: res.doc!.id as string,
      data: { status: 'approved' },
    })
    const html = await postPage()
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; hello')
    expect(html).not.toContain('<img src=x onerror')
  })

  it('replies deeper than the limit are refused', async () => {
    let parent = approvedParent
    for (let depth = 2; depth <= 3; depth += 1) {
      const res = await submit(valid({ parent }))
      expect(res.status).toBe(201)
      parent = res.doc!.id as string
      await payload.update({ collection: 'comments', id: parent, data: { status: 'approved' } })
    }
    const tooDeep = await submit(valid({ parent }))
    expect([tooDeep.status, tooDeep.messages]).toEqual([400, expect.stringMatching(/too deep/)])
  })
})
