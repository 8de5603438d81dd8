import { randomUUID } from 'node:crypto'

import { COMMENTER_COOKIE } from '@/lib/comments/commenterCookie'
import { REFERENCE_POST_SLUG } from '@/tools/seed'
import { demoComments } from '@/tools/seed/content/demoComments'

import { postCommentForm } from '../../support/commentForm'
import { TEST_STAFF } from '../../support/server'
import {
  api,
  approve,
  browserCookie,
  commentSite,
  login,
  nextIp,
  payload,
  postPage,
  saved,
  server,
  submit,
  valid,
} from '../../support/commentApi'

commentSite()

describe('moderation round trip', () => {
  let commentId: string | number
  const body = `Massage twice a week changed my life. ${randomUUID()}`
  const email = `round-trip-${randomUUID()}@example.com`
  let cookie: string
  beforeAll(() => {
    cookie = browserCookie()
  })

  it('a reader’s first comment is held, readers do not see it, and the answer says only “received”', async () => {
    await postPage()
    const res = await submit(valid({ body, authorEmail: email }), { headers: { cookie } })
    expect(res.status).toBe(201)
    commentId = res.doc!.id as string
    expect(res.doc).not.toHaveProperty('authorEmail')
    expect(res.doc).not.toHaveProperty('status')
    const comment = await saved(commentId)
    expect(comment.status).toBe('pending')
    expect(comment.signals).toEqual(['first comment from this email'])
    expect(await postPage()).not.toContain(body)
  })

  it('a moderator approves it and it shows on the next request', async () => {
    const headers = await login('moderator')
    const res = await api(`/comments/${commentId}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    })
    expect(res.status).toBe(200)
    const html = await postPage()
    expect(html).toContain(body)
    // The demo's approved comments on the reference post, and this one.
    const approved = demoComments.filter((c) => c.status === 'approved').length + 1
    expect(html).toContain(`${approved} Comments`)
  })

  it('a staff reply from the dashboard is approved, badged and nested', async () => {
    const headers = await login('moderator')
    const res = await api('/comments', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ parent: commentId, body: 'We are so glad to hear it!' }),
    })
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as { doc: Record<string, unknown> }
    expect(doc).toMatchObject({
      status: 'approved',
      isStaffReply: true,
      authorName: 'Replenish Aesthetics and Wellness',
      threadDepth: 2,
    })
    const html = await postPage()
    const thread = html.slice(html.indexOf(`id="comment-${commentId}"`))
    expect(thread).toMatch(/<ol><li class="comment".*We are so glad to hear it!/s)
    expect(thread).toMatch(/class="badge">Staff</)
  })

  it('the same browser and email are trusted next time: approved at once', async () => {
    const next = `Back again with a question. ${randomUUID()}`
    const res = await submit(valid({ body: next, authorEmail: email.toUpperCase() }), {
      headers: { cookie },
    })
    expect(res.status).toBe(201)
    expect((await saved(res.doc!.id)).status).toBe('approved')
    expect(await postPage()).toContain(next)
  })

  it('the email alone proves nothing: from another browser, or none, it waits', async () => {
    for (const headers of [{}, { cookie: browserCookie() }] as Record<string, string>[]) {
      const res = await submit(valid({ authorEmail: email }), { headers })
      expect(res.status).toBe(201)
      expect(await saved(res.doc!.id)).toMatchObject({
        status: 'pending',
        signals: ['email has approved comments, but not from this browser'],
      })
    }
  })

  it('the browser alone proves nothing either: another email from it waits', async () => {
    const res = await submit(valid(), { headers: { cookie } })
    expect((await saved(res.doc!.id)).status).toBe('pending')
  })

  it('a moderator’s email gives an anonymous comment no trust, however it is signed', async () => {
    const res = await submit(
      valid({ authorName: 'The clinic', authorEmail: TEST_STAFF.moderator.email }),
    )
    expect(res.status).toBe(201)
    const comment = await saved(res.doc!.id)
    expect(comment.status).toBe('pending')
    expect(comment.isStaffReply).toBe(false)
    expect(comment.signals).toContain('signed with the name of the clinic or its staff: The clinic')
  })

  it('a proven commenter signing with the clinic’s name is still held', async () => {
    const res = await submit(
      valid({ authorName: 'Replenish Aesthetics and Wellness', authorEmail: email }),
      { headers: { cookie } },
    )
    expect((await saved(res.doc!.id)).status).toBe('pending')
  })

  it('trashing a comment removes it on the next request', async () => {
    const headers = await login('admin')
    await api(`/comments/${commentId}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'trash' }),
    })
    expect(await postPage()).not.toContain(body)
  })

  it('an editor cannot moderate', async () => {
    const headers = await login('editor')
    const res = await api(`/comments/${commentId}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    })
    expect(res.status).toBe(403)
  })
})

describe('the form without JavaScript issues the returning-commenter proof', () => {
  it('sets a signed, HttpOnly cookie with the first comment; with it, the next is published', async () => {
    const email = `no-js-${randomUUID()}@example.com`
    const first = await postCommentForm(
      server,
      REFERENCE_POST_SLUG,
      { name: 'Sam Reader', email, body: `Posted from a plain form. ${randomUUID()}` },
      { ip: nextIp(), secret: payload.secret },
    )
    expect(first.status).toBe(200)
    expect(first.html).toContain('your comment was received')
    expect(first.setCookie).toMatch(new RegExp(`^${COMMENTER_COOKIE}=[\\w-]+\\.[\\w-]+;`))
    expect(first.setCookie).toMatch(/HttpOnly/i)
    expect(first.setCookie).toMatch(/SameSite=lax/i)
    const cookie = first.setCookie!.split(';')[0]!
    const { docs } = await payload.find({
      collection: 'comments',
      where: { authorEmail: { equals: email } },
    })
    await approve(docs[0]!.id)

    const again = await postCommentForm(
      server,
      REFERENCE_POST_SLUG,
      { name: 'Sam Reader', email, body: `And again. ${randomUUID()}` },
      { cookie, ip: nextIp(), secret: payload.secret },
    )
    expect(again.html).toContain('Thank you, your comment is published.')
    // A cookie this server did not sign is no proof.
    const forged = await postCommentForm(
      server,
      REFERENCE_POST_SLUG,
      { name: 'Sam Reader', email, body: `Forged. ${randomUUID()}` },
      {
        cookie: `${COMMENTER_COOKIE}=${cookie.split('=')[1]!.split('.')[0]}.forged`,
        ip: nextIp(),
        secret: payload.secret,
      },
    )
    expect(forged.html).toContain('your comment was received')
    expect(forged.html).not.toContain('is published')
  })
})

describe('the form without JavaScript, when a comment is refused', () => {
  it('comes back with the comment, name and website filled in, but never the email', async () => {
    const body = `Refused for its website, kept for its writer. ${randomUUID()}`
    const email = `kept-${randomUUID()}@example.com`
    const { html } = await postCommentForm(
      server,
      REFERENCE_POST_SLUG,
      { name: 'Sam Reader', email, body, website: 'not a web address' },
      { ip: nextIp(), secret: payload.secret },
    )
    expect(html).toContain('Please correct the fields marked below.')
    expect(/<textarea[^>]*name="body"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1]).toBe(body)
    expect(/<input[^>]*name="name"[^>]*>/.exec(html)?.[0]).toContain('value="Sam Reader"')
    expect(/<input[^>]*name="website"[^>]*>/.exec(html)?.[0]).toContain('value="not a web address"')
    expect(html).not.toContain(email)
  })
})
