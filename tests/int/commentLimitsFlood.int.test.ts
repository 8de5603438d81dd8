import { FLOOD_RULES } from '@/lib/comments/floods'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { callServerAction } from '../support/commentForm'
import {
  commentLimitsSite,
  email,
  newPost,
  nextIp,
  payload,
  saved,
  server,
  submit,
  token,
} from '../support/commentLimitsApi'
import { createTestPost } from '../support/posts'

commentLimitsSite()

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
