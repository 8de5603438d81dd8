import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { FLOOD_RULES } from '@/lib/comments/floods'
import { issueFormToken } from '@/lib/comments/formToken'
import { SIGNALS } from '@/lib/comments/signals'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { callServerAction, postCommentForm } from '../support/commentForm'
import { createTestPost } from '../support/posts'
import { TEST_STAFF, type TestServer, withTestSite } from '../support/server'

/**
 * How fast comments may come, and that the answers to a submitter reveal nothing about other
 * people: whether an email is known, which private list a word is on, what someone else wrote.
 */
let server: TestServer
let payload: Payload
let ipCounter = 0

/** A post of its own for each test, so per-post counts start at zero. */
const newPost = async () => (await createTestPost(payload, 'live', `Limits ${randomUUID()}`)).id

// The test stands in for one proxy in front of the app (see tests/int/clientAddress).
withTestSite({ serverOnlyEnv: { TRUSTED_PROXY_HOPS: '1' } }, (site) => {
  ;({ server, payload } = site)
})

const nextIp = () => {
  ipCounter += 1
  return `203.0.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`
}
const email = () => `reader-${randomUUID()}@example.com`
const token = (post: unknown, ageMs = 10_000) =>
  issueFormToken(payload.secret, post as string, Date.now() - ageMs)

const submit = async (post: unknown, over: Record<string, unknown> = {}, ip = nextIp()) => {
  const res = await fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({
      post,
      authorName: 'Rosa Patient',
      authorEmail: email(),
      body: `A thoughtful comment ${randomUUID()}`,
      formToken: token(post),
      ...over,
    }),
  })
  const json = (await res.json()) as {
    doc?: Record<string, unknown>
    message?: string
    errors?: { message: string }[]
  }
  return { status: res.status, json, message: json.errors?.[0]?.message ?? json.message }
}
const saved = (id: unknown) => payload.findByID({ collection: 'comments', id: id as string })

/** What a submitter can see of an answer: its status, its keys and its message. */
const shape = (res: Awaited<ReturnType<typeof submit>>) => ({
  status: res.status,
  keys: Object.keys(res.json.doc ?? {}).sort(),
  message: res.json.message,
})

describe('flood rules bind a person; an address, an email or a post only hold', () => {
  it('two people behind one address comment seconds apart; the same person is asked to wait', async () => {
    const post = await newPost()
    const ip = nextIp()
    const rosa = email()
    expect((await submit(post, { authorEmail: rosa }, ip)).status).toBe(201)
    expect((await submit(post, { authorEmail: email() }, ip)).status).toBe(201)
    const again = await submit(post, { authorEmail: rosa }, ip)
    expect([again.status, again.message]).toEqual([
      429,
      expect.stringMatching(/wait a few seconds/),
    ])
  })

  it('many comments from one address are kept, and held past five in ten minutes', async () => {
    const post = await newPost()
    const ip = nextIp()
    const answers = []
    for (let i = 0; i < FLOOD_RULES.address.max + 1; i += 1)
      answers.push(await submit(post, {}, ip))
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201))
    const last = await saved(answers.at(-1)!.json.doc!.id)
    expect(last.signals).toContain('6 comments from one address in 10 minutes')
  })

  it('an address sending far more than a waiting room would is refused', async () => {
    const post = await newPost()
    const ip = nextIp()
    for (let i = 0; i < FLOOD_RULES.addressCeiling.max; i += 1) {
      expect((await submit(post, {}, ip)).status).toBe(201)
    }
    const over = await submit(post, {}, ip)
    expect([over.status, over.message]).toEqual([429, expect.stringMatching(/from your network/)])
  })

  it('one email from many addresses is held past five in ten minutes', async () => {
    const post = await newPost()
    const rosa = email()
    let last
    for (let i = 0; i < FLOOD_RULES.email.max + 1; i += 1)
      last = await submit(post, { authorEmail: rosa })
    expect((await saved(last!.json.doc!.id)).signals).toContain(
      '6 comments from this email in 10 minutes',
    )
  })

  it('a post receiving a burst is held past twenty in ten minutes', async () => {
    const post = await newPost()
    let last
    for (let i = 0; i < FLOOD_RULES.post.max + 1; i += 1) last = await submit(post)
    expect((await saved(last!.json.doc!.id)).signals).toContain(
      '21 comments on this post in 10 minutes',
    )
  })
})

describe('form tokens are used once, per person, within two days', () => {
  it('the same token, address and email cannot post twice; the next person may use it', async () => {
    const post = await newPost()
    const shared = token(post)
    const ip = nextIp()
    const rosa = email()
    expect((await submit(post, { formToken: shared, authorEmail: rosa }, ip)).status).toBe(201)
    // Another reader of the same cached page, behind the same address.
    expect((await submit(post, { formToken: shared }, ip)).status).toBe(201)
    // From another address the person limit does not apply; the token rule does.
    const replay = await submit(post, { formToken: shared, authorEmail: rosa }, ip)
    expect(replay.status).toBe(429)
    const replayElsewhere = await submit(post, { formToken: shared, authorEmail: rosa })
    expect(replayElsewhere.status).toBe(201)
  })

  it('replaying a token with the same person and address is refused even after the flood window', async () => {
    const post = await newPost()
    const shared = token(post)
    const ip = nextIp()
    const rosa = email()
    expect((await submit(post, { formToken: shared, authorEmail: rosa }, ip)).status).toBe(201)
    await new Promise((r) => setTimeout(r, (FLOOD_RULES.person.seconds + 1) * 1000))
    const replay = await submit(post, { formToken: shared, authorEmail: rosa }, ip)
    expect([replay.status, replay.message]).toEqual([400, expect.stringMatching(/already used/)])
  }, 60_000)

  it('no token is signed for a draft, a future post or a post that does not exist', async () => {
    const draft = await createTestPost(payload, 'draft', 'Draft')
    const future = await createTestPost(payload, 'future', 'Later')
    const live = await newPost()
    // The form's "fresh token" server action, called as the browser does.
    const ask = (postId: unknown) =>
      callServerAction(server, `/posts/${REFERENCE_POST_SLUG}`, 'freshCommentToken', [
        String(postId),
      ])
    expect(await ask(live)).toMatch(new RegExp(`^${live}\\.\\d+\\.`))
    for (const post of [draft.id, future.id, 987654]) expect(await ask(post)).toBe('')
  })
})

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
