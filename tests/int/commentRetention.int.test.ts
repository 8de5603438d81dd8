import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { relationId } from '@/lib/comments/ids'
import { buildThreads } from '@/lib/comments/threads'

import { createTestPost } from '../support/posts'
import { standalonePayload } from '../support/server'

/**
 * What we keep about commenters is kept no longer than the Moderation settings say: the
 * scheduled tasks clear old IP hashes and user agents, and delete old spam and trash, without
 * breaking the threads that held them.
 */
let payload: Payload
let cleanup: () => Promise<void>
let postId: Awaited<ReturnType<typeof createTestPost>>['id']

const DAY_MS = 86_400_000
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString()

beforeAll(async () => {
  ;({ payload, cleanup } = await standalonePayload({ seed: true }))
  postId = (await createTestPost(payload, 'live', `Retention ${randomUUID()}`)).id
}, 180_000)

afterAll(async () => {
  await cleanup?.()
})

/** A comment as an import would store it, written `age` days ago. */
const comment = async (
  age: number,
  status: 'pending' | 'approved' | 'spam' | 'trash',
  extra: Record<string, unknown> = {},
) => {
  const doc = await payload.create({
    collection: 'comments',
    data: {
      post: postId,
      authorName: 'Rosa Patient',
      authorEmail: `r-${randomUUID()}@example.com`,
      body: `Comment ${randomUUID()}`,
      status,
      ipHash: `ip-${randomUUID()}`,
      userAgent: 'Mozilla/5.0 (jest)',
      createdAt: daysAgo(age),
      ...extra,
    },
    context: { trustedImport: true, disableRevalidate: true },
  })
  expect(doc.createdAt).toBe(daysAgo(age).slice(0, 10) + doc.createdAt.slice(10))
  return doc
}

/** As if the comment had been given its status `days` ago. */
const markedAgo = (id: unknown, days: number) =>
  payload.update({
    collection: 'comments',
    id: id as string,
    data: { statusChangedAt: daysAgo(days) },
    context: { disableRevalidate: true },
  })

const run = async (task: 'forgetCommenterDetails' | 'emptySpamAndTrash') => {
  await payload.jobs.queue({ task, input: {} })
  await payload.jobs.run()
}

const read = (id: unknown) => payload.findByID({ collection: 'comments', id: id as string })
const exists = async (id: unknown) =>
  (await payload.count({ collection: 'comments', where: { id: { equals: id } } })).totalDocs === 1

describe('IP hash and user agent are kept for the retention period', () => {
  it('the task clears them from older comments, and only them', async () => {
    const old = await comment(91, 'approved')
    const recent = await comment(89, 'pending')
    await run('forgetCommenterDetails')
    const cleared = await read(old.id)
    expect(cleared.ipHash ?? null).toBeNull()
    expect(cleared.userAgent ?? null).toBeNull()
    // Nothing else changes: the comment still reads, and is listed, as before.
    expect(cleared.body).toBe(old.body)
    expect(cleared.excerpt).toBe(old.excerpt)
    expect(cleared.authorEmail).toBe(old.authorEmail)
    expect(cleared.status).toBe('approved')
    const kept = await read(recent.id)
    expect(kept.ipHash).toBe(recent.ipHash)
    expect(kept.userAgent).toBe(recent.userAgent)
  })

  it('follows the setting', async () => {
    const c = await comment(20, 'approved')
    await payload.updateGlobal({ slug: 'moderation-settings', data: { commenterDetailsDays: 14 } })
    await run('forgetCommenterDetails')
    expect((await read(c.id)).ipHash ?? null).toBeNull()
    await payload.updateGlobal({ slug: 'moderation-settings', data: { commenterDetailsDays: 90 } })
  })
})

describe('spam and trash are emptied after their number of days', () => {
  it('deletes spam and trash marked long enough ago, and nothing else', async () => {
    const oldSpam = await comment(100, 'spam')
    await markedAgo(oldSpam.id, 31)
    const newSpam = await comment(100, 'spam') // written long ago, marked spam only now
    const oldTrash = await comment(40, 'trash')
    await markedAgo(oldTrash.id, 31)
    const newTrash = await comment(40, 'trash')
    await markedAgo(newTrash.id, 29)
    const oldPending = await comment(100, 'pending')
    await markedAgo(oldPending.id, 100)
    const oldApproved = await comment(100, 'approved')
    await markedAgo(oldApproved.id, 100)

    await run('emptySpamAndTrash')
    expect(await exists(oldSpam.id)).toBe(false)
    expect(await exists(oldTrash.id)).toBe(false)
    expect(await exists(newSpam.id)).toBe(true)
    expect(await exists(newTrash.id)).toBe(true)
    expect(await exists(oldPending.id)).toBe(true)
    expect(await exists(oldApproved.id)).toBe(true)
  })

  it('a status change starts the wait again: marking spam stamps the time', async () => {
    const c = await comment(100, 'approved')
    await markedAgo(c.id, 100)
    const updated = await payload.update({
      collection: 'comments',
      id: c.id,
      data: { status: 'spam' },
      context: { disableRevalidate: true },
    })
    expect(Date.now() - new Date(updated.statusChangedAt!).getTime()).toBeLessThan(60_000)
    await run('emptySpamAndTrash')
    expect(await exists(c.id)).toBe(true)
  })

  it('an approved reply under an emptied comment stays on the page, at the top level', async () => {
    const parent = await comment(60, 'trash')
    await markedAgo(parent.id, 45)
    const reply = await comment(59, 'approved', { parent: parent.id, threadDepth: 2 })
    await run('emptySpamAndTrash')
    expect(await exists(parent.id)).toBe(false)
    // Read as a reader's page does: approved comments of the post, access on.
    const { docs } = await payload.find({
      collection: 'comments',
      where: { post: { equals: postId } },
      overrideAccess: false,
      depth: 0,
      limit: 1000,
    })
    const views = docs.map((c) => ({
      id: String(c.id),
      parentId: relationId(c.parent),
      name: c.authorName ?? 'Anonymous',
      website: null,
      body: c.body,
      postedAt: c.createdAt,
      isStaff: false,
    }))
    const roots = buildThreads(views, 3)
    expect(roots.map((r) => r.id)).toContain(String(reply.id))
  })
})
