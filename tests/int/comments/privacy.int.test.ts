import { randomUUID } from 'node:crypto'

import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { postCommentForm } from '../../support/commentForm'
import { createTestPost } from '../../support/posts'
import { getHtml } from '../../support/server'
import {
  api,
  approve,
  commentSite,
  login,
  nextIp,
  payload,
  postId,
  saved,
  server,
  submit,
  valid,
} from '../../support/commentApi'

commentSite()

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
