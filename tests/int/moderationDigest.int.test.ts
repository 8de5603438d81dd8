import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { sendDueDigests } from '@/lib/comments/digest'
import { issueFormToken } from '@/lib/comments/formToken'

import { createTestPost } from '../support/posts'
import { TEST_STAFF, standalonePayload } from '../support/server'

/**
 * Held comments reach moderators as digests: the first after a quiet spell at once, the rest
 * gathered until the interval is up, and never twice for one interval however many runners.
 * Emails go through Payload's own sendEmail (the log adapter here), watched, not replaced.
 */
let payload: Payload
let cleanup: () => Promise<void>
let postId: Awaited<ReturnType<typeof createTestPost>>['id']
let sent: { to: string; subject: string; text: string }[] = []
let ip = 0

const INTERVAL_MINUTES = 5

beforeAll(async () => {
  ;({ payload, cleanup } = await standalonePayload({ seed: true }))
  // The staff accounts are wanted, the demo's waiting comment is not: counts start at zero.
  await payload.delete({ collection: 'comments', where: { importKey: { like: 'demo:' } } })
  // Every email still goes through Payload's adapter; the test only keeps a copy.
  const send = payload.sendEmail.bind(payload)
  payload.sendEmail = async (message) => {
    const m = message as { to: string; subject: string; text: string }
    sent.push({ to: String(m.to), subject: m.subject, text: m.text })
    return send(message)
  }
  await payload.updateGlobal({
    slug: 'moderation-settings',
    data: { digestIntervalMinutes: INTERVAL_MINUTES, moderatorEmailsPerHour: 10 },
  })
  postId = (await createTestPost(payload, 'live', `Digest ${randomUUID()}`)).id
}, 180_000)

afterAll(async () => {
  await cleanup?.()
})

/** A comment from a new reader, held as a first comment from its email. */
const hold = async (body = `A question about my visit ${randomUUID()}`) => {
  ip += 1
  const doc = await payload.create({
    collection: 'comments',
    data: {
      post: postId,
      authorName: 'Rosa Patient',
      authorEmail: `r-${randomUUID()}@example.com`,
      body,
      formToken: issueFormToken(payload.secret, String(postId), Date.now() - 10_000),
      // The screening decides the status; the type asks for one.
      status: 'approved',
    },
    context: {
      commentForm: {
        clientIp: `198.51.100.${ip}`,
        userAgent: 'jest',
      },
    },
  })
  const saved = await payload.findByID({ collection: 'comments', id: doc.id })
  expect(saved.status).toBe('pending')
  return saved
}

const to = (who: keyof typeof TEST_STAFF) => sent.filter((m) => m.to === TEST_STAFF[who].email)
const settle = (ms = 1500) => new Promise((r) => setTimeout(r, ms))
/** Waits for the emails a comment's hook sends after answering. */
const emailsAfter = async (count: number) => {
  for (let i = 0; i < 40 && sent.length < count; i += 1) await settle(100)
  await settle(300)
}

/** As if every digest had been sent that many minutes earlier. */
const backdateDigests = async (minutes: number) => {
  const { docs } = await payload.find({ collection: 'moderator-digests', pagination: false })
  for (const d of docs) {
    const sentAt = new Date(new Date(d.sentAt).getTime() - minutes * 60_000).toISOString()
    await payload.update({ collection: 'moderator-digests', id: d.id, data: { sentAt } })
  }
}

const runDigestTask = async () => {
  await payload.jobs.queue({ task: 'sendModerationDigests', input: {} })
  await payload.jobs.run()
}

describe('moderation digests', () => {
  it('the first held comment after a quiet spell is emailed at once, to moderators and admins', async () => {
    const first = await hold('Is https://evil.example/x safe? I asked at www.evil.example too.')
    await emailsAfter(2)
    expect(to('moderator')).toHaveLength(1)
    expect(to('admin')).toHaveLength(1)
    expect(to('editor')).toHaveLength(0)
    const [email] = to('moderator')
    expect(email!.subject).toBe('1 comment awaits moderation')
    expect(email!.text).toContain('Rosa Patient on "Digest')
    expect(email!.text).toContain('https[:]//evil.example/x')
    expect(email!.text).toContain('www[.]evil.example')
    expect(email!.text).not.toContain('https://evil.example')
    expect(email!.text).toContain('Why it is held: first comment from this email')
    expect(email!.text).toContain(`/admin/collections/comments/${first.id}`)
  })

  it('two held comments in one interval make one email: the second waits for the digest', async () => {
    sent = []
    await hold()
    await settle()
    await runDigestTask()
    expect(sent).toHaveLength(0)
  })

  it('when the interval is up, the task sends the next digest with what arrived since', async () => {
    sent = []
    await backdateDigests(INTERVAL_MINUTES + 1)
    const { docs: waiting } = await payload.find({
      collection: 'comments',
      where: { status: { equals: 'pending' } },
      sort: '-createdAt',
    })
    await runDigestTask()
    expect(to('moderator')).toHaveLength(1)
    expect(to('admin')).toHaveLength(1)
    const [email] = to('moderator')
    expect(email!.subject).toBe(`${waiting.length} comments await moderation`)
    // The newest is listed; the one already in the last digest is not.
    expect(email!.text).toContain(`/admin/collections/comments/${waiting[0]!.id}`)
    expect(email!.text).not.toContain(`/admin/collections/comments/${waiting[1]!.id}`)
    expect(email!.text).toContain('New since your last digest: 1.')
  })

  it('nothing new waiting (held, then approved), no email when the interval is up', async () => {
    const comment = await hold()
    await settle()
    sent = []
    await payload.update({ collection: 'comments', id: comment.id, data: { status: 'approved' } })
    await backdateDigests(INTERVAL_MINUTES + 1)
    await runDigestTask()
    expect(sent).toHaveLength(0)
  })

  it('two runners at once send each digest once', async () => {
    await backdateDigests(INTERVAL_MINUTES + 1)
    // Nothing new, so nothing goes out yet: a digest is due but has nothing to say.
    await runDigestTask()
    expect(sent).toHaveLength(0)
    const before = (await payload.count({ collection: 'moderator-digests' })).totalDocs
    // The hook sends this one at once; one more waits, and three runners race for its digest.
    await hold()
    await emailsAfter(2)
    sent = []
    await hold()
    await settle()
    expect(sent).toHaveLength(0)
    await backdateDigests(INTERVAL_MINUTES + 1)
    const results = await Promise.all([
      sendDueDigests(payload),
      sendDueDigests(payload),
      sendDueDigests(payload),
    ])
    expect(results.reduce((a, b) => a + b, 0)).toBe(2)
    expect(to('moderator')).toHaveLength(1)
    expect(to('admin')).toHaveLength(1)
    expect((await payload.count({ collection: 'moderator-digests' })).totalDocs).toBe(before + 4)
  })

  it('the hourly budget still binds when the interval is short', async () => {
    await payload.updateGlobal({
      slug: 'moderation-settings',
      data: { moderatorEmailsPerHour: 1 },
    })
    sent = []
    // The last digests were sent "6 minutes ago", within the hour: the budget of one is spent.
    await hold()
    await settle()
    await backdateDigests(INTERVAL_MINUTES + 1)
    await runDigestTask()
    expect(sent).toHaveLength(0)
    await backdateDigests(60)
    await runDigestTask()
    expect(to('moderator')).toHaveLength(1)
  })
})
