import type { Payload } from 'payload'

import { getModerationCounts, getModerationQueue } from '@/lib/data/moderation'
import type { User } from '@/payload-types'

import { createTestPost } from '../support/posts'
import { standalonePayload } from '../support/server'

let payload: Payload
let cleanup: () => Promise<void>
let moderator: User
let editor: User
let livePost: { id: number | string; slug?: string | null }
let draftPost: { id: number | string }

type Status = 'pending' | 'approved' | 'spam' | 'trash'

/** A comment already moderated, as an import stores it (the screening rules are tested elsewhere). */
const comment = (data: {
  status: Status
  email?: string
  body?: string
  post?: number | string
  parent?: number | string
}) =>
  payload.create({
    collection: 'comments',
    context: { trustedImport: true, disableRevalidate: true },
    data: {
      post: (data.post ?? livePost.id) as number,
      parent: (data.parent ?? null) as number | null,
      authorName: 'Rosa Patient',
      authorEmail: data.email ?? 'rosa@example.com',
      authorWebsite: 'https://rosa.example',
      body: data.body ?? `A comment (${data.status})`,
      status: data.status,
      signals: ['first comment from this email'],
    },
  })

const ids: Record<string, string> = {}

beforeAll(async () => {
  ;({ payload, cleanup } = await standalonePayload({ seed: false }))
  // The first account always becomes the admin.
  await payload.create({
    collection: 'users',
    data: { email: 'owner@clinic.example', password: 'owner-password', roles: ['admin'] },
  })
  moderator = await payload.create({
    collection: 'users',
    data: { email: 'mod@clinic.example', password: 'mod-password', roles: ['moderator'] },
  })
  editor = await payload.create({
    collection: 'users',
    data: { email: 'ed@clinic.example', password: 'ed-password', roles: ['editor'] },
  })
  livePost = await createTestPost(payload, 'live', 'Neck Pain After Sleep')
  draftPost = await createTestPost(payload, 'draft', 'A Draft Nobody Reads')

  // Rosa: two approved comments, then one waiting, then one in spam.
  const rosaFirst = await comment({ status: 'approved', body: 'Rosa one' })
  ids.rosaFirst = String(rosaFirst.id)
  ids.rosaSecond = String((await comment({ status: 'approved', body: 'Rosa two' })).id)
  ids.rosaPending = String((await comment({ status: 'pending', body: 'Rosa waits' })).id)
  ids.rosaSpam = String((await comment({ status: 'spam', body: 'Rosa spam?' })).id)
  // Sam: a first comment, a reply to Rosa's first.
  ids.samReply = String(
    (
      await comment({
        status: 'pending',
        email: 'sam@example.com',
        body: 'Sam answers Rosa',
        parent: rosaFirst.id,
      })
    ).id,
  )
  ids.trashed = String((await comment({ status: 'trash', email: 'x@example.com' })).id)
  ids.onDraft = String(
    (await comment({ status: 'approved', email: 'd@example.com', post: draftPost.id })).id,
  )
}, 120_000)

afterAll(async () => {
  await cleanup?.()
})

describe('moderation queue counts', () => {
  it('counts each status for a moderator; All is pending and approved, as in WordPress', async () => {
    const counts = await getModerationCounts({ payload, user: moderator })
    expect(counts).toEqual({ pending: 2, approved: 3, spam: 1, trash: 1, all: 5 })
  })

  it('follow a change of status', async () => {
    await payload.update({
      collection: 'comments',
      id: ids.trashed!,
      data: { status: 'pending' },
      context: { disableRevalidate: true },
    })
    expect(await getModerationCounts({ payload, user: moderator })).toMatchObject({
      pending: 3,
      trash: 0,
      all: 6,
    })
    await payload.update({
      collection: 'comments',
      id: ids.trashed!,
      data: { status: 'trash' },
      context: { disableRevalidate: true },
    })
  })

  it('are nothing for an editor or a visitor', async () => {
    expect(await getModerationCounts({ payload, user: editor })).toBeNull()
    expect(await getModerationCounts({ payload, user: null })).toBeNull()
  })
})

describe('moderation queue rows', () => {
  it('lists one status, newest first, with what a moderator needs on each row', async () => {
    const queue = await getModerationQueue({ payload, user: moderator }, { tab: 'pending' })
    expect(queue?.rows.map((r) => r.id)).toEqual([ids.samReply, ids.rosaPending])
    expect(queue?.totalDocs).toBe(2)
    const sam = queue!.rows[0]!
    expect(sam).toMatchObject({
      status: 'pending',
      authorName: 'Rosa Patient',
      authorEmail: 'sam@example.com',
      authorWebsite: 'https://rosa.example',
      body: 'Sam answers Rosa',
      signals: ['first comment from this email'],
      post: { title: 'Neck Pain After Sleep', live: true },
      replyTo: { id: ids.rosaFirst, authorName: 'Rosa Patient' },
      earlierApproved: 0,
      viewUrl: null,
      editUrl: `/admin/collections/comments/${ids.samReply}`,
    })
    expect(queue!.rows[1]).toMatchObject({ replyTo: null, earlierApproved: 2 })
  })

  it('counts only the approved comments from the same email written before', async () => {
    const queue = await getModerationQueue({ payload, user: moderator }, { tab: 'approved' })
    const byId = new Map(queue!.rows.map((r) => [r.id, r]))
    expect(byId.get(ids.rosaFirst!)?.earlierApproved).toBe(0)
    expect(byId.get(ids.rosaSecond!)?.earlierApproved).toBe(1)
    const spam = await getModerationQueue({ payload, user: moderator }, { tab: 'spam' })
    expect(spam!.rows[0]).toMatchObject({ id: ids.rosaSpam, earlierApproved: 2 })
  })

  it('links an approved comment on a live post to its permanent address, not one on a draft', async () => {
    const queue = await getModerationQueue({ payload, user: moderator }, { tab: 'approved' })
    const byId = new Map(queue!.rows.map((r) => [r.id, r]))
    expect(byId.get(ids.rosaFirst!)?.viewUrl).toBe(`/comments/${ids.rosaFirst}`)
    expect(byId.get(ids.onDraft!)).toMatchObject({
      viewUrl: null,
      post: { title: 'A Draft Nobody Reads', live: false },
    })
  })

  it('All lists pending and approved; pages hold at most the page size', async () => {
    const all = await getModerationQueue({ payload, user: moderator }, { tab: 'all' })
    expect(all?.totalDocs).toBe(5)
    expect(all?.rows.map((r) => r.status).sort()).toEqual([
      'approved',
      'approved',
      'approved',
      'pending',
      'pending',
    ])
    const page2 = await getModerationQueue(
      { payload, user: moderator },
      { tab: 'all', page: 2, limit: 2 },
    )
    expect(page2).toMatchObject({ page: 2, totalPages: 3 })
    expect(page2?.rows).toHaveLength(2)
  })

  it('gives an editor and a visitor nothing', async () => {
    expect(await getModerationQueue({ payload, user: editor }, { tab: 'pending' })).toBeNull()
    expect(await getModerationQueue({ payload, user: null }, { tab: 'pending' })).toBeNull()
  })
})
