import { randomUUID } from 'node:crypto'

import { SIGNALS } from '@/lib/comments/signals'

import {
  api,
  approve,
  commentSite,
  nextIp,
  postId,
  postPage,
  saved,
  stored,
  submit,
  token,
  valid,
} from '../../support/commentApi'
import { held, makeTargets, refused, targets } from './abuseCases'

commentSite()

describe('abuse corpus: each bad input is refused or held as designed, nothing wrongly stored', () => {
  beforeAll(makeTargets)

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
    let parent = targets.approvedParent
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
