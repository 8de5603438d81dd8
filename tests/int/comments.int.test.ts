import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { COMMENTER_COOKIE, newCommenterCookie } from '@/lib/comments/commenterCookie'
import { issueFormToken } from '@/lib/comments/formToken'
import { SIGNALS } from '@/lib/comments/signals'
import { REFERENCE_POST_SLUG } from '@/tools/seed'
import { demoComments } from '@/tools/seed/content/demoComments'

import { postCommentForm } from '../support/commentForm'
import { createTestPost } from '../support/posts'
import { TEST_STAFF, type TestServer, getHtml, signIn, withTestSite } from '../support/server'

let server: TestServer
let payload: Payload
let postId: number | string
let otherPostId: number | string
let ipCounter = 0

withTestSite({ serverOnlyEnv: { TRUSTED_PROXY_HOPS: '1' } }, async (site) => {
  // The test stands in for a proxy in front of the app: the last X-Forwarded-For entry it
  // sends is the reader's address (tests/int/clientAddress covers the app exposed directly).
  ;({ server, payload } = site)
  const find = async (slug: string) =>
    (await payload.find({ collection: 'posts', where: { slug: { equals: slug } }, limit: 1 }))
      .docs[0]!.id
  postId = await find(REFERENCE_POST_SLUG)
  otherPostId = await find('massage-for-tension-headaches')
})

/** Each request comes from its own address unless a test says otherwise. */
const nextIp = () => {
  ipCounter += 1
  return `198.51.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`
}
const token = (post = postId, ageMs = 10_000) =>
  issueFormToken(payload.secret, post, Date.now() - ageMs)
const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api${path}`, init)
const browserCookie = () => `${COMMENTER_COOKIE}=${newCommenterCookie(payload.secret)}`

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
    message?: string
    errors?: { message: string; data?: { errors?: { path: string; message: string }[] } }[]
  }
  const messages = (body.errors ?? []).flatMap((e) => [
    e.message,
    ...(e.data?.errors ?? []).map((d) => d.message),
  ])
  return { status: res.status, doc: body.doc, body, messages: messages.join(' | ') }
}

const saved = (id: unknown) => payload.findByID({ collection: 'comments', id: id as string })
const stored = async (where: Record<string, unknown> = {}) =>
  (await payload.count({ collection: 'comments', where: where as never })).totalDocs
const approve = (id: unknown) =>
  payload.update({ collection: 'comments', id: id as string, data: { status: 'approved' } })

const login = async (who: keyof typeof TEST_STAFF) => (await signIn(server, who)).headers

const postPage = () => getHtml(`${server.url}/posts/${REFERENCE_POST_SLUG}`)

describe('moderation round trip', () => {
  let commentId: string | number
  const body = `Massage twice a week changed my life. ${randomUUID()}`
  const email = `round-trip-${randomUUID()}@example.com`
  let cookie: string
  beforeAll(() => {
    cookie = browserCookie()
  })

  it('a reader’s first comment is held, readers do not see it, and the answer says only “received”', async () => {
    await postPage()
    const res = await submit(valid({ body, authorEmail: email }), { headers: { cookie } })
    expect(res.status).toBe(201)
    commentId = res.doc!.id as string
    expect(res.doc).not.toHaveProperty('authorEmail')
    expect(res.doc).not.toHaveProperty('status')
    const comment = await saved(commentId)
    expect(comment.status).toBe('pending')
    expect(comment.signals).toEqual(['first comment from this email'])
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
    // The demo's approved comments on the reference post, and this one.
    const approved = demoComments.filter((c) => c.status === 'approved').length + 1
    expect(html).toContain(`${approved} Comments`)
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
      threadDepth: 2,
    })
    const html = await postPage()
    const thread = html.slice(html.indexOf(`id="comment-${commentId}"`))
    expect(thread).toMatch(/comment-list--replies.*We are so glad to hear it!/s)
    expect(thread).toMatch(/class="badge">Staff</)
  })

  it('the same browser and email are trusted next time: approved at once', async () => {
    const next = `Back again with a question. ${randomUUID()}`
    const res = await submit(valid({ body: next, authorEmail: email.toUpperCase() }), {
      headers: { cookie },
    })
    expect(res.status).toBe(201)
    expect((await saved(res.doc!.id)).status).toBe('approved')
    expect(await postPage()).toContain(next)
  })

  it('the email alone proves nothing: from another browser, or none, it waits', async () => {
    for (const headers of [{}, { cookie: browserCookie() }] as Record<string, string>[]) {
      const res = await submit(valid({ authorEmail: email }), { headers })
      expect(res.status).toBe(201)
      expect(await saved(res.doc!.id)).toMatchObject({
        status: 'pending',
        signals: ['email has approved comments, but not from this browser'],
      })
    }
  })

  it('the browser alone proves nothing either: another email from it waits', async () => {
    const res = await submit(valid(), { headers: { cookie } })
    expect((await saved(res.doc!.id)).status).toBe('pending')
  })

  it('a moderator’s email gives an anonymous comment no trust, however it is signed', async () => {
    const res = await submit(
      valid({ authorName: 'The clinic', authorEmail: TEST_STAFF.moderator.email }),
    )
    expect(res.status).toBe(201)
    const comment = await saved(res.doc!.id)
    expect(comment.status).toBe('pending')
    expect(comment.isStaffReply).toBe(false)
    expect(comment.signals).toContain('signed with the name of the clinic or its staff: The clinic')
  })

  it('a proven commenter signing with the clinic’s name is still held', async () => {
    const res = await submit(
      valid({ authorName: 'Replenish Aesthetics and Wellness', authorEmail: email }),
      { headers: { cookie } },
    )
    expect((await saved(res.doc!.id)).status).toBe('pending')
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

describe('the form without JavaScript issues the returning-commenter proof', () => {
  it('sets a signed, HttpOnly cookie with the first comment; with it, the next is published', async () => {
    const email = `no-js-${randomUUID()}@example.com`
    const first = await postCommentForm(
      server,
      REFERENCE_POST_SLUG,
      { name: 'Sam Reader', email, body: `Posted from a plain form. ${randomUUID()}` },
      { ip: nextIp(), secret: payload.secret },
    )
    expect(first.status).toBe(200)
    expect(first.html).toContain('your comment was received')
    expect(first.setCookie).toMatch(new RegExp(`^${COMMENTER_COOKIE}=[\\w-]+\\.[\\w-]+;`))
    expect(first.setCookie).toMatch(/HttpOnly/i)
    expect(first.setCookie).toMatch(/SameSite=lax/i)
    const cookie = first.setCookie!.split(';')[0]!
    const { docs } = await payload.find({
      collection: 'comments',
      where: { authorEmail: { equals: email } },
    })
    await approve(docs[0]!.id)

    const again = await postCommentForm(
      server,
      REFERENCE_POST_SLUG,
      { name: 'Sam Reader', email, body: `And again. ${randomUUID()}` },
      { cookie, ip: nextIp(), secret: payload.secret },
    )
    expect(again.html).toContain('Thank you, your comment is published.')
    // A cookie this server did not sign is no proof.
    const forged = await postCommentForm(
      server,
      REFERENCE_POST_SLUG,
      { name: 'Sam Reader', email, body: `Forged. ${randomUUID()}` },
      {
        cookie: `${COMMENTER_COOKIE}=${cookie.split('=')[1]!.split('.')[0]}.forged`,
        ip: nextIp(),
        secret: payload.secret,
      },
    )
    expect(forged.html).toContain('your comment was received')
    expect(forged.html).not.toContain('is published')
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
    await approve(id)
    ipHash = (await saved(id)).ipHash as string
    expect(ipHash).toMatch(/^[0-9a-f]{32}$/)

    const anonymous = {}
    const editor = await login('editor')
    const probes = [
      '/api/comments',
      `/api/comments/${id}`,
      `/api/comments/${id}?depth=3`,
      '/api/comments?depth=3&limit=100',
      '/api/comments?select[authorEmail]=true&select[ipHash]=true&select[userAgent]=true',
      '/api/comments?select[commenterKey]=true&select[bodyFingerprint]=true',
      `/api/comments?where[authorEmail][equals]=${encodeURIComponent(email)}`,
      '/api/comments?where[authorEmail][like]=leak-probe',
      '/api/comments?where[ipHash][exists]=true',
      '/api/comments?sort=authorEmail',
      '/api/comments?sort=-ipHash',
      `/api/posts/${postId}?depth=3`,
      '/api/posts?depth=3',
      `/posts/${REFERENCE_POST_SLUG}`,
      '/comments/feed.xml',
      '/feed.xml',
      '/sitemap.xml',
      '/search?q=massage',
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
        '{ Comments(limit: 100) { docs { id body authorEmail ipHash userAgent signals status } } }',
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
    // What the commenter gets back from their own submissions, over REST and the form.
    const own = await submit(valid({ authorEmail: email, body: `Another one ${randomUUID()}` }))
    responses.push(['commenter POST /api/comments', JSON.stringify(own)])
    const form = await postCommentForm(
      server,
      REFERENCE_POST_SLUG,
      { name: 'Rosa', email, body: `Through the form ${randomUUID()}` },
      { ip: nextIp(), secret: payload.secret },
    )
    responses.push(['commenter form post', form.html])
  })

  it('the comment itself is public', () => {
    const page = responses.find(([name]) => name === `anonymous GET /posts/${REFERENCE_POST_SLUG}`)!
    expect(page[1]).toContain('https://rosa.example')
  })

  it('no response to an anonymous visitor, an editor or the commenter holds the email or IP hash', () => {
    expect(responses.length).toBeGreaterThanOrEqual(40)
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

describe('approved comments stay out of sight with their post', () => {
  const visibleEverywhere = async (commentId: unknown, body: string) => ({
    byId: (await api(`/comments/${commentId}`)).status,
    list: (await (await api('/comments?limit=500')).text()).includes(body),
    graphql: (
      await (
        await api('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ Comments(limit: 500) { docs { body } } }' }),
        })
      ).text()
    ).includes(body),
    feed: (await getHtml(`${server.url}/comments/feed.xml`)).includes(body.slice(0, 30)),
  })
  const hidden = { byId: 404, list: false, graphql: false, feed: false }

  const approvedCommentOn = async (post: unknown) => {
    const body = `Comment on a post that goes away ${randomUUID()}`
    const c = await payload.create({
      collection: 'comments',
      context: { trustedImport: true },
      data: {
        post: post as number,
        authorName: 'R',
        authorEmail: 'r@example.com',
        body,
        status: 'approved',
      },
    })
    return { id: c.id, body }
  }

  it('unpublished', async () => {
    const post = await createTestPost(payload, 'live', 'Soon unpublished')
    const { id, body } = await approvedCommentOn(post.id)
    expect((await visibleEverywhere(id, body)).byId).toBe(200)
    await payload.update({ collection: 'posts', id: post.id, data: { _status: 'draft' } })
    expect(await visibleEverywhere(id, body)).toEqual(hidden)
  })

  it('a draft, a future-dated post, and an import that was private', async () => {
    const draft = await createTestPost(payload, 'draft', 'A draft')
    const future = await createTestPost(payload, 'future', 'Next week')
    for (const post of [draft, future]) {
      const { id, body } = await approvedCommentOn(post.id)
      expect(await visibleEverywhere(id, body)).toEqual(hidden)
    }
  })
})

describe('abuse corpus: each bad input is refused or held as designed, nothing wrongly stored', () => {
  let draftId: number | string
  let closedId: number | string
  let futureId: number | string
  let pendingParent: number | string
  let approvedParent: number | string

  beforeAll(async () => {
    draftId = (await createTestPost(payload, 'draft', 'Unpublished')).id
    closedId = (await createTestPost(payload, 'closed', 'Closed for comments')).id
    futureId = (await createTestPost(payload, 'future', 'Published for next week')).id
    await payload.updateGlobal({
      slug: 'moderation-settings',
      data: { disallowedWords: 'casino\ncheap pills', moderationWords: 'refund', maxLinks: 2 },
    })
    pendingParent = (await submit(valid())).doc!.id as string
    approvedParent = (await submit(valid())).doc!.id as string
    await approve(approvedParent)
  })

  const refused: [string, () => Submission, number, RegExp][] = [
    ['missing name', () => valid({ authorName: '' }), 400, /enter your name/],
    [
      'a name of zero-width spaces',
      () => valid({ authorName: '\u200b\u200b\u200b' }),
      400,
      /enter your name/,
    ],
    [
      'a name with a right-to-left override',
      () => valid({ authorName: 'Rosa\u202eesoR' }),
      400,
      /line breaks or invisible characters/,
    ],
    [
      'a name with a line break',
      () => valid({ authorName: 'Rosa\nAdmin: approved' }),
      400,
      /line breaks or invisible characters/,
    ],
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
    [
      'invisible-only comment',
      () => valid({ body: '\u200b\u00ad\u2060' }),
      400,
      /at least 2 characters/,
    ],
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
      () => valid({ formToken: `${postId}.${Math.floor(Date.now() / 1000) - 60}.nonce.forged` }),
      400,
      /expired/,
    ],
    ['token for another post', () => valid({ formToken: token(otherPostId) }), 400, /expired/],
    ['stale token', () => valid({ formToken: token(postId, 3 * 86_400_000) }), 400, /expired/],
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
      'future-dated post',
      () => valid({ post: futureId, formToken: token(futureId) }),
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

  it('a duplicate within ten minutes, even disguised, is dropped quietly: answered like any comment, kept in the trash', async () => {
    const first = valid({ body: `Great post about massage. ${randomUUID()}` })
    const answer = await submit(first)
    expect(answer.status).toBe(201)
    const disguised = String(first.body).replace('Great', 'Grеat\u200b').replace(' ', '  ')
    for (const body of [first.body, disguised]) {
      const again = await submit({ ...first, body, formToken: token() })
      expect(again.status).toBe(201)
      expect(Object.keys(again.doc!).sort()).toEqual(Object.keys(answer.doc!).sort())
      expect(again.body.message).toBe(answer.body.message)
      expect(await saved(again.doc!.id)).toMatchObject({
        status: 'trash',
        signals: [SIGNALS.duplicate],
      })
    }
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
      'a disallowed word behind a zero-width space',
      () => valid({ body: 'Visit my cas\u200bino tonight' }),
      'spam',
      'disallowed word: casino',
    ],
    [
      'a disallowed word behind a soft hyphen',
      () => valid({ body: 'Visit my cas\u00adino tonight' }),
      'spam',
      'disallowed word: casino',
    ],
    [
      'a disallowed word in Cyrillic look-alikes',
      () => valid({ body: 'Visit my саsіnо tonight' }),
      'spam',
      'disallowed word: casino',
    ],
    [
      'a disallowed word in fullwidth letters',
      () => valid({ body: 'Visit my ｃａｓｉｎｏ tonight' }),
      'spam',
      'disallowed word: casino',
    ],
    [
      'a disallowed phrase spread over extra spaces',
      () => valid({ body: 'Buy cheap     pills here' }),
      'spam',
      'disallowed word: cheap pills',
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
      const comment = await saved(res.doc!.id)
      expect(comment.status).toBe(status)
      expect(comment.signals).toContain(signal)
    },
  )

  it('forged server-owned fields are ignored: status, staff flag, IP hash, agent, signals, keys', async () => {
    const res = await submit(
      valid({
        status: 'approved',
        isStaffReply: true,
        ipHash: 'forged',
        userAgent: 'forged',
        signals: ['trusted'],
        threadDepth: 0,
        commenterKey: 'forged',
        bodyFingerprint: 'forged',
      }),
      { headers: { 'user-agent': 'RealBrowser/1.0' } },
    )
    expect(res.status).toBe(201)
    const comment = await saved(res.doc!.id)
    expect(comment).toMatchObject({
      status: 'pending',
      isStaffReply: false,
      userAgent: 'RealBrowser/1.0',
      threadDepth: 1,
    })
    expect(comment.ipHash).not.toBe('forged')
    expect(comment.commenterKey).toBeNull()
    expect(comment.bodyFingerprint).toMatch(/^[0-9a-f]{32}$/)
    expect(comment.signals).toContain('first comment from this email')
  })

  it('GraphQL runs the same rules: no token, no comment; a forged status is ignored and never shown', async () => {
    const gql = async (data: string) => {
      const res = await api('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
        body: JSON.stringify({ query: `mutation { createComment(data: ${data}) { id status } }` }),
      })
      return (await res.json()) as {
        data?: { createComment: { id: string; status: string | null } | null }
        errors?: unknown[]
      }
    }
    const before = await stored()
    const refusedGql = await gql(
      `{ post: ${JSON.stringify(postId)}, authorName: "Bot", authorEmail: "bot@example.com", body: "Hello", status: approved }`,
    )
    expect(refusedGql.errors?.length).toBeGreaterThan(0)
    expect(await stored()).toBe(before)
    const accepted = await gql(
      `{ post: ${JSON.stringify(postId)}, authorName: "Rosa", authorEmail: "gql-${randomUUID()}@example.com", body: "Via GraphQL", formToken: ${JSON.stringify(token())}, status: approved }`,
    )
    const id = accepted.data?.createComment?.id
    expect(id).toBeTruthy()
    expect(accepted.data?.createComment?.status).toBeNull()
    expect((await saved(id)).status).toBe('pending')
  })

  it('a script tag in an approved comment is shown as text, never run', async () => {
    const res = await submit(valid({ body: '<img src=x onerror=alert(1)> hello' }))
    await approve(res.doc!.id)
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
      await approve(parent)
    }
    const tooDeep = await submit(valid({ parent }))
    expect([tooDeep.status, tooDeep.messages]).toEqual([400, expect.stringMatching(/too deep/)])
  })
})

describe('staff replies follow the same rules for what readers see', () => {
  let deepest: string | number
  let top: string | number

  beforeAll(async () => {
    top = (await submit(valid())).doc!.id as string
    await approve(top)
    let parent = top
    for (let depth = 2; depth <= 3; depth += 1) {
      parent = (await submit(valid({ parent }))).doc!.id as string
      await approve(parent)
    }
    deepest = parent
  })

  const reply = async (data: Submission) => {
    const res = await api('/comments', {
      method: 'POST',
      headers: { ...(await login('moderator')), 'content-type': 'application/json' },
      body: JSON.stringify(data),
    })
    return { status: res.status, text: await res.text() }
  }

  it.each([
    [
      'a javascript: website',
      { authorWebsite: 'javascript:alert(document.cookie)' },
      /http:\/\/ or https:\/\//,
    ],
    ['a name with a direction override', { authorName: 'Clinic\u202e' }, /invisible characters/],
    ['an empty reply', { body: '  ' }, /at least 2 characters/],
  ])('%s is refused, nothing stored', async (_name, change, message) => {
    const before = await stored()
    const res = await reply({ parent: top, body: 'Thank you!', ...change })
    expect(res.status).toBe(400)
    expect(res.text).toMatch(message)
    expect(await stored()).toBe(before)
  })

  it('its depth is computed from the comment it answers; past the limit it is refused', async () => {
    const ok = await reply({ parent: top, body: 'Thanks for writing in.' })
    expect(ok.status).toBe(201)
    expect(JSON.parse(ok.text).doc.threadDepth).toBe(2)
    const tooDeep = await reply({ parent: deepest, body: 'Too deep.' })
    expect(tooDeep.status).toBe(400)
    expect(tooDeep.text).toMatch(/too deep/)
  })

  it('a moderator cannot edit a comment’s website into a javascript: link', async () => {
    const res = await api(`/comments/${top}`, {
      method: 'PATCH',
      headers: { ...(await login('moderator')), 'content-type': 'application/json' },
      body: JSON.stringify({ authorWebsite: 'javascript:alert(1)' }),
    })
    expect(res.status).toBe(400)
    expect((await saved(top)).authorWebsite).toBeNull()
  })
})

describe('threads and feeds survive hostile data', () => {
  it('a comment cannot be re-pointed at itself or moved to another post', async () => {
    const id = (await submit(valid())).doc!.id as string
    await approve(id)
    const res = await api(`/comments/${id}`, {
      method: 'PATCH',
      headers: { ...(await login('moderator')), 'content-type': 'application/json' },
      body: JSON.stringify({ parent: id, post: otherPostId }),
    })
    expect(res.status).toBe(200)
    const comment = await saved(id)
    expect(comment.parent ?? null).toBeNull()
    expect(String((comment.post as { id?: unknown }).id ?? comment.post)).toBe(String(postId))
  })

  it('a loop stored by hand (an import, a database edit) still renders, with every comment', async () => {
    const post = await createTestPost(payload, 'live', 'Loop in the thread')
    const make = (body: string) =>
      payload.create({
        collection: 'comments',
        context: { trustedImport: true },
        data: {
          post: post.id,
          authorName: 'R',
          authorEmail: 'r@example.com',
          body,
          status: 'approved',
        },
      })
    const a = await make('First of a loop')
    const b = await make('Second of a loop')
    await payload.db.updateOne({ collection: 'comments', id: a.id, data: { parent: b.id } })
    await payload.db.updateOne({ collection: 'comments', id: b.id, data: { parent: a.id } })
    await payload.updateGlobal({ slug: 'moderation-settings', data: { maxThreadDepth: 1 } })
    try {
      const html = await getHtml(`${server.url}/posts/${post.slug}`)
      expect(html).toContain('First of a loop')
      expect(html).toContain('Second of a loop')
    } finally {
      await payload.updateGlobal({ slug: 'moderation-settings', data: { maxThreadDepth: 3 } })
    }
  })

  it('characters XML forbids are dropped from what readers write, and from the feed', async () => {
    const res = await submit(valid({ body: `Nice\uFFFF post\u0000 indeed ${randomUUID()}` }))
    expect((await saved(res.doc!.id)).body).toMatch(/^Nice post indeed /)
    await payload.create({
      collection: 'comments',
      context: { trustedImport: true },
      data: {
        post: postId as number,
        authorName: 'Old import',
        authorEmail: 'old@example.com',
        body: 'Imported long ago \uFFFE with odd bytes \uFFFF',
        status: 'approved',
      },
    })
    const feed = await getHtml(`${server.url}/comments/feed.xml`)
    expect(feed).toContain('Imported long ago')
    expect(feed).not.toMatch(/[\uFFFE\uFFFF]/)
  })
})
