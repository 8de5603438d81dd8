import type { Payload, PayloadRequest } from 'payload'

import { hashIp } from '@/lib/comments/client'
import { commenterKey, newCommenterCookie, commenterIdOf } from '@/lib/comments/commenterCookie'
import { publicRefusalOf } from '@/lib/comments/errors'
import { issueFormToken } from '@/lib/comments/formToken'
import { FLOOD_MESSAGES } from '@/lib/comments/floods'
import { TOKEN_REFUSALS, checkToken, spendToken } from '@/lib/comments/screening/formTokenUse'
import { checkHoneypot } from '@/lib/comments/screening/honeypot'
import { requireCalmPace } from '@/lib/comments/screening/pace'
import { parseSubmission } from '@/lib/comments/screening/parseSubmission'
import { submitterOf } from '@/lib/comments/screening/submitter'

const SECRET = 'unit-test-secret'
// Counters of a database that is neither Redis nor MongoDB count in memory.
const payload = { secret: SECRET, db: { name: 'sqlite' } } as unknown as Payload
const unique = () => Math.random().toString(36).slice(2)

/** What a refusal tells the submitter: its status, message and field errors, or null. */
const refusalOf = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return publicRefusalOf(error)
  }
  return null
}
const asyncRefusalOf = async (run: () => Promise<unknown>) => {
  try {
    await run()
  } catch (error) {
    return publicRefusalOf(error)
  }
  return null
}

const data = {
  post: 12,
  authorName: ' Rosa Patient ',
  authorEmail: 'Rosa@Example.com',
  authorWebsite: null,
  body: 'This helped my back.',
  formToken: '12.1.abc.sig',
}

describe('parseSubmission', () => {
  it('reads a comment by its field names, ids as they came', () => {
    const input = parseSubmission(data)
    expect(input).toMatchObject({ post: 12, authorName: 'Rosa Patient', body: data.body })
    expect(input.authorWebsite).toBeUndefined()
    expect(input.parent).toBeUndefined()
    expect(parseSubmission({ ...data, post: '65f0c0ffee0123456789abcd' as never }).post).toBe(
      '65f0c0ffee0123456789abcd',
    )
  })

  it('takes the id of a related document', () => {
    const withDocs = { ...data, parent: { id: 'abc-1' }, post: { id: 7 } } as never
    expect(parseSubmission(withDocs)).toMatchObject({ post: 7, parent: 'abc-1' })
  })

  it('refuses with the collection’s field paths, 400', () => {
    expect(refusalOf(() => parseSubmission({ ...data, authorName: '', formToken: '' }))).toEqual({
      status: 400,
      message: expect.any(String),
      fieldErrors: [
        { path: 'authorName', message: 'Please enter your name.' },
        { path: 'formToken', message: 'The form expired. Please reload the page.' },
      ],
    })
  })
})

describe('checkHoneypot', () => {
  it('lets an empty trap through and refuses a filled one, saying no more', () => {
    expect(refusalOf(() => checkHoneypot({ homepage: '' }))).toBeNull()
    expect(refusalOf(() => checkHoneypot({}))).toBeNull()
    expect(refusalOf(() => checkHoneypot({ homepage: 'http://spam.example' }))).toEqual({
      status: 400,
      message: 'Your comment could not be posted.',
      fieldErrors: [],
    })
  })
})

describe('checkToken', () => {
  const now = Date.now()
  it('returns the nonce of a token for this post, whatever form its id has', () => {
    const formToken = issueFormToken(SECRET, '12', now - 10_000)
    expect(checkToken(SECRET, { formToken, post: 12 }, now)).toBe(formToken.split('.')[2])
    expect(checkToken(SECRET, { formToken, post: '12' as never }, now)).toBe(
      formToken.split('.')[2],
    )
  })

  it.each([
    ['too fast', issueFormToken(SECRET, '12', now), 12, TOKEN_REFUSALS['too-fast']],
    ['another post', issueFormToken(SECRET, '13', now - 10_000), 12, TOKEN_REFUSALS.invalid],
    ['too old', issueFormToken(SECRET, '12', now - 3 * 86_400_000), 12, TOKEN_REFUSALS.expired],
    ['forged', `12.${Math.floor(now / 1000) - 60}.nonce.forged`, 12, TOKEN_REFUSALS.invalid],
  ])('refuses a token %s with a 400', (_, formToken, post, message) => {
    expect(refusalOf(() => checkToken(SECRET, { formToken, post }, now))).toEqual({
      status: 400,
      message,
      fieldErrors: [],
    })
  })
})

describe('spendToken', () => {
  it('takes one comment per token and person', async () => {
    const nonce = unique()
    const rosa = { ipHash: 'ip-1', emailHash: 'rosa' }
    expect(await asyncRefusalOf(() => spendToken(payload, nonce, rosa))).toBeNull()
    // Another reader of the same cached page may use it too.
    expect(
      await asyncRefusalOf(() => spendToken(payload, nonce, { ...rosa, emailHash: 'jo' })),
    ).toBeNull()
    expect(await asyncRefusalOf(() => spendToken(payload, nonce, rosa))).toEqual({
      status: 400,
      message: TOKEN_REFUSALS.used,
      fieldErrors: [],
    })
  })
})

describe('requireCalmPace', () => {
  it('holds nothing at first, then refuses the same person posting again at once (429)', async () => {
    const keys = { ipHash: unique(), emailHash: unique(), postId: unique() }
    expect(await requireCalmPace(payload, keys)).toEqual([])
    expect(await asyncRefusalOf(() => requireCalmPace(payload, keys))).toEqual({
      status: 429,
      message: FLOOD_MESSAGES.person,
      fieldErrors: [],
    })
  })

  it('holds comments past the address rule for a moderator', async () => {
    const ipHash = unique()
    let holds: string[] = []
    for (let i = 0; i < 6; i += 1) {
      holds = await requireCalmPace(payload, { ipHash, emailHash: unique(), postId: unique() })
    }
    expect(holds).toEqual(['6 comments from one address in 10 minutes'])
  })
})

describe('submitterOf', () => {
  const reqWith = (headers: Record<string, string>, context = {}) =>
    ({ payload, headers: new Headers(headers), context }) as unknown as PayloadRequest

  it('reads a REST request’s own headers, keeping only hashes', () => {
    const cookie = newCommenterCookie(SECRET)
    const who = submitterOf(
      reqWith({
        'x-forwarded-for': '203.0.113.9',
        'user-agent': 'jest',
        cookie: `inkwell_commenter=${cookie}`,
      }),
      'Rosa@Example.com',
    )
    expect(who).toMatchObject({
      email: 'rosa@example.com',
      ipHash: hashIp(SECRET, '203.0.113.9'),
      key: commenterKey(SECRET, commenterIdOf(SECRET, cookie)!),
      userAgent: 'jest',
    })
    expect(JSON.stringify(who)).not.toContain('203.0.113.9')
  })

  it('prefers what the form’s action read from its own request', () => {
    const context = {
      commentForm: { clientIp: '198.51.100.4', userAgent: 'form', commenterId: null },
    }
    const who = submitterOf(reqWith({ 'x-forwarded-for': '203.0.113.9' }, context), 'a@b.example')
    expect(who).toMatchObject({
      ipHash: hashIp(SECRET, '198.51.100.4'),
      userAgent: 'form',
      key: null,
    })
  })
})
