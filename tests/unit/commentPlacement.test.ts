import type { Payload, PayloadRequest, Where } from 'payload'

import { publicRefusalOf } from '@/lib/comments/errors'
import { REPLY_REFUSALS } from '@/lib/comments/replyTarget'
import { isDuplicate } from '@/lib/comments/screening/duplicate'
import { requireOpenPost, requireReplyPlace } from '@/lib/comments/screening/place'
import { decideStatus } from '@/lib/comments/screening/status'
import { SIGNALS } from '@/lib/comments/signals'

type Query = { collection: string; where?: Where; overrideAccess?: boolean }

/** A Payload that answers finds and counts from the given functions, and records the queries. */
const fakePayload = ({
  find = () => [],
  count = () => 0,
}: {
  find?: (q: Query) => Record<string, unknown>[]
  count?: (q: Query) => number
}) => {
  const queries: Query[] = []
  const payload = {
    find: async (q: Query) => (queries.push(q), { docs: find(q) }),
    count: async (q: Query) => (queries.push(q), { totalDocs: count(q) }),
    findGlobal: async () => ({ siteName: 'Wellspring Clinic' }),
  }
  const req = { payload, context: {} } as unknown as PayloadRequest
  return { payload: payload as unknown as Payload, req, queries }
}

const refusalOf = async (run: () => Promise<unknown>) => {
  try {
    await run()
  } catch (error) {
    return publicRefusalOf(error)
  }
  return null
}

describe('requireOpenPost', () => {
  const open = { closeAfterDays: 0 }
  it('asks as a reader, by the id as sent, and answers with the id as stored', async () => {
    const { payload, queries } = fakePayload({ find: () => [{ id: 12, commentsOpen: true }] })
    expect(await requireOpenPost(payload, '12' as never, open)).toBe(12)
    expect(queries[0]).toMatchObject({
      collection: 'posts',
      overrideAccess: false,
      where: { id: { equals: '12' } },
    })
  })

  it.each([
    ['missing (a draft, a future post)', [], 'This post cannot be commented on.'],
    ['closed', [{ id: 'p1', commentsOpen: false }], 'Comments are closed on this post.'],
  ])('refuses a post %s with a 403', async (_, docs, message) => {
    const { payload } = fakePayload({ find: () => docs })
    expect(await refusalOf(() => requireOpenPost(payload, 'p1' as never, open))).toEqual({
      status: 403,
      message,
      fieldErrors: [],
    })
  })
})

describe('requireReplyPlace', () => {
  it('places a comment that answers nothing at the top, without a query', async () => {
    const { req, queries } = fakePayload({})
    expect(await requireReplyPlace(req, { post: 12 }, 3)).toEqual({ parent: null, threadDepth: 1 })
    expect(queries).toEqual([])
  })

  it('places a reply under an approved comment of the same post, by its stored id', async () => {
    const { req, queries } = fakePayload({ find: () => [{ id: 'c7', threadDepth: 2 }] })
    const place = await requireReplyPlace(req, { post: 'p1' as never, parent: 'c7' as never }, 3)
    expect(place).toEqual({ parent: 'c7', threadDepth: 3 })
    expect(queries[0]?.where).toEqual({
      and: [{ id: { equals: 'c7' } }, { post: { equals: 'p1' } }, { status: { in: ['approved'] } }],
    })
  })

  it.each([
    ['missing or not approved', [], REPLY_REFUSALS.missing],
    ['already at the deepest level', [{ id: 5, threadDepth: 3 }], REPLY_REFUSALS.tooDeep],
  ])('refuses a parent %s with a 400', async (_, docs, message) => {
    const { req } = fakePayload({ find: () => docs })
    expect(await refusalOf(() => requireReplyPlace(req, { post: 1, parent: 5 }, 3))).toEqual({
      status: 400,
      message,
      fieldErrors: [],
    })
  })
})

describe('isDuplicate', () => {
  it('looks for the same text from the same email or address in the last 10 minutes', async () => {
    const { req, queries } = fakePayload({ count: () => 1 })
    const now = Date.parse('2026-01-01T12:00:00Z')
    const same = { bodyFingerprint: 'fp', email: 'rosa@example.com', ipHash: 'ip' }
    expect(await isDuplicate(req, same, now)).toBe(true)
    expect(queries[0]?.where).toEqual({
      and: [
        { bodyFingerprint: { equals: 'fp' } },
        { createdAt: { greater_than: '2026-01-01T11:50:00.000Z' } },
        { or: [{ authorEmail: { equals: 'rosa@example.com' } }, { ipHash: { equals: 'ip' } }] },
      ],
    })
    expect(await isDuplicate(fakePayload({ count: () => 0 }).req, same, now)).toBe(false)
  })
})

describe('decideStatus', () => {
  const settings = {
    maxLinks: 2,
    disallowedWords: 'casino',
    moderationWords: 'refund',
    trustApprovedCommenters: true,
    pendingCeiling: 100,
  }
  const facts = {
    input: { authorName: 'Rosa Patient', body: 'This helped my back.', authorWebsite: undefined },
    who: { email: 'rosa@example.com', ipHash: 'ip', key: 'key' },
    bodyFingerprint: 'fp',
    holds: [] as string[],
    settings,
  }
  /** Counts by what is asked: duplicates, approved comments of the commenter, the queue. */
  const counting = (c: { duplicates?: number; approved?: number; pending?: number }) =>
    fakePayload({
      find: () => [],
      count: (q) => {
        const where = JSON.stringify(q.where)
        if (where.includes('bodyFingerprint')) return c.duplicates ?? 0
        if (where.includes('authorEmail')) return c.approved ?? 0
        return c.pending ?? 0
      },
    }).req

  it('holds a first comment, and publishes a proven returning commenter’s', async () => {
    expect(await decideStatus(counting({}), facts)).toEqual({
      status: 'pending',
      signals: ['first comment from this email'],
    })
    expect((await decideStatus(counting({ approved: 1 }), facts)).status).toBe('approved')
  })

  it('sends a duplicate to the trash, whoever sent it', async () => {
    expect(await decideStatus(counting({ duplicates: 1, approved: 1 }), facts)).toEqual({
      status: 'trash',
      signals: [SIGNALS.duplicate],
    })
  })

  it('holds for the earlier checks’ reasons, the words, and the clinic’s name', async () => {
    const held = await decideStatus(counting({ approved: 1 }), {
      ...facts,
      input: { ...facts.input, authorName: 'Wellspring Clinic', body: 'A refund please' },
      holds: ['6 comments from one address in 10 minutes'],
    })
    expect(held.status).toBe('pending')
    expect(held.signals).toEqual(
      expect.arrayContaining([
        '6 comments from one address in 10 minutes',
        'signed with the name of the clinic or its staff: Wellspring Clinic',
        'matched word: refund',
      ]),
    )
    const spam = await decideStatus(counting({}), {
      ...facts,
      input: { ...facts.input, body: 'Best casino' },
    })
    expect(spam).toEqual({ status: 'spam', signals: ['disallowed word: casino'] })
  })

  it('holds quietly past the queue’s ceiling', async () => {
    const full = await decideStatus(counting({ pending: 100 }), facts)
    expect(full.signals).toContain(SIGNALS.queueFull)
    expect((await decideStatus(counting({ pending: 99 }), facts)).signals).not.toContain(
      SIGNALS.queueFull,
    )
  })
})
