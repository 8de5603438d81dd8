import { randomUUID } from 'node:crypto'

import { SIGNALS } from '@/lib/comments/signals'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { postCommentForm } from '../support/commentForm'
import {
  commentLimitsSite,
  email,
  newPost,
  nextIp,
  payload,
  saved,
  server,
  shape,
  submit,
  token,
} from '../support/commentLimitsApi'
import { TEST_STAFF } from '../support/server'

commentLimitsSite()

describe('answers to a submitter are no oracle', () => {
  beforeAll(async () => {
    await payload.updateGlobal({
      slug: 'moderation-settings',
      data: { disallowedWords: 'casino', moderationWords: 'refund' },
    })
  })

  it('held, spam, a moderation word, a known email and a dropped duplicate all answer alike', async () => {
    const post = await newPost()
    const known = email()
    const first = await submit(post, { authorEmail: known, body: 'My first visit was great.' })
    await payload.update({
      collection: 'comments',
      id: first.json.doc!.id as string,
      data: { status: 'approved' },
    })
    const answers = {
      held: await submit(post),
      spam: await submit(post, { body: 'Visit my casino' }),
      moderationWord: await submit(post, { body: 'I want a refund' }),
      knownEmail: await submit(post, { authorEmail: known }),
      duplicate: await submit(post, { authorEmail: known, body: 'My first visit was great.' }),
    }
    const reference = shape(answers.held)
    expect(reference).toEqual({ status: 201, keys: expect.any(Array), message: expect.any(String) })
    expect(reference.keys).not.toContain('status')
    for (const [what, answer] of Object.entries(answers)) {
      expect([what, shape(answer)]).toEqual([what, reference])
    }
    // Moderators see what really happened.
    expect((await saved(answers.spam.json.doc!.id)).status).toBe('spam')
    expect((await saved(answers.duplicate.json.doc!.id)).status).toBe('trash')
  })

  it('the form answers “received” whatever happened', async () => {
    const answers = await Promise.all(
      ['An honest comment.', 'Visit my casino', 'I want a refund'].map((body) =>
        postCommentForm(
          server,
          REFERENCE_POST_SLUG,
          { name: 'Rosa', email: email(), body: `${body} ${randomUUID()}` },
          { ip: nextIp(), secret: payload.secret },
        ),
      ),
    )
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      expect(answer.html).toContain('your comment was received')
    }
  })
})

describe('one count for every path: REST, GraphQL and the form', () => {
  it('a person who just posted over REST must wait on GraphQL and in the form too', async () => {
    const post = await newPost()
    const ip = nextIp()
    const rosa = email()
    expect((await submit(post, { authorEmail: rosa }, ip)).status).toBe(201)
    const gql = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({
        query: `mutation { createComment(data: { post: ${post}, authorName: "Rosa", authorEmail: "${rosa}", body: "Via GraphQL ${randomUUID()}", formToken: ${JSON.stringify(token(post))} }) { id } }`,
      }),
    })
    expect(JSON.stringify(await gql.json())).toMatch(/wait a few seconds/)
    const form = await postCommentForm(
      server,
      REFERENCE_POST_SLUG,
      { name: 'Rosa', email: rosa, body: `Via the form ${randomUUID()}` },
      { ip, secret: payload.secret },
    )
    expect(form.html).toContain('Please wait a few seconds')
  })
})

describe('a spam wave cannot fill the moderators’ inboxes', () => {
  /** Moderation digests the server has sent to the moderator (the log adapter writes each). */
  const emailsSent = () => {
    const lines = server.logs().split('\n')
    return lines.filter(
      (l, i) =>
        /Email \(not sent.*awaits? moderation/.test(l) &&
        lines.slice(i, i + 3).some((next) => next.includes(TEST_STAFF.moderator.email)),
    ).length
  }
  /** As if every moderator's last digest were long ago: the next held comment is emailed. */
  const digestsDue = async () => {
    const { docs } = await payload.find({ collection: 'moderator-digests', pagination: false })
    for (const d of docs) {
      const sentAt = new Date(new Date(d.sentAt).getTime() - 2 * 3_600_000).toISOString()
      await payload.update({ collection: 'moderator-digests', id: d.id, data: { sentAt } })
    }
  }

  it('past the hour’s email budget, held comments wait without an email', async () => {
    await digestsDue()
    await payload.updateGlobal({ slug: 'moderation-settings', data: { moderatorEmailsPerHour: 0 } })
    const before = emailsSent()
    const post = await newPost()
    await submit(post)
    await submit(post)
    await new Promise((r) => setTimeout(r, 1000))
    expect(emailsSent()).toBe(before)
    await payload.updateGlobal({
      slug: 'moderation-settings',
      data: { moderatorEmailsPerHour: 1000 },
    })
    await submit(post)
    await new Promise((r) => setTimeout(r, 1000))
    expect(emailsSent()).toBe(before + 1)
    // One digest per interval: the next held comments wait for the scheduled digest.
    await submit(post)
    await submit(post)
    await new Promise((r) => setTimeout(r, 1000))
    expect(emailsSent()).toBe(before + 1)
  })

  it('past the queue’s ceiling, new comments are kept and held quietly', async () => {
    await digestsDue()
    const { totalDocs: pending } = await payload.count({
      collection: 'comments',
      where: { status: { equals: 'pending' } },
    })
    await payload.updateGlobal({ slug: 'moderation-settings', data: { pendingCeiling: pending } })
    const before = emailsSent()
    const res = await submit(await newPost())
    expect(res.status).toBe(201)
    await new Promise((r) => setTimeout(r, 1000))
    const comment = await saved(res.json.doc!.id)
    expect(comment.status).toBe('pending')
    expect(comment.signals).toContain(SIGNALS.queueFull)
    expect(emailsSent()).toBe(before)
  })
})
