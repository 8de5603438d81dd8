import { randomUUID } from 'node:crypto'

import { createTestPost } from '../../support/posts'
import { getHtml } from '../../support/server'
import {
  api,
  approve,
  commentSite,
  login,
  otherPostId,
  payload,
  postId,
  saved,
  server,
  stored,
  type Submission,
  submit,
  valid,
} from '../../support/commentApi'

commentSite()

describe('staff replies follow the same rules for what readers see', () => {
  let deepest: string | number
  let top: string | number

  beforeAll(async () => {
    top = (await submit(valid())).doc!.id as string
    await approve(top)
    let parent = top
    for (let depth = 2; depth <= 3; depth += 1) {
      parent = (await submit(valid({ parent }))).doc!.id as string
      await approve(parent)
    }
    deepest = parent
  })

  const reply = async (data: Submission) => {
    const res = await api('/comments', {
      method: 'POST',
      headers: { ...(await login('moderator')), 'content-type': 'application/json' },
      body: JSON.stringify(data),
    })
    return { status: res.status, text: await res.text() }
  }

  it.each([
    [
      'a javascript: website',
      { authorWebsite: 'javascript:alert(document.cookie)' },
      /http:\/\/ or https:\/\//,
    ],
    ['a name with a direction override', { authorName: 'Clinic\u202e' }, /invisible characters/],
    ['an empty reply', { body: '  ' }, /at least 2 characters/],
  ])('%s is refused, nothing stored', async (_name, change, message) => {
    const before = await stored()
    const res = await reply({ parent: top, body: 'Thank you!', ...change })
    expect(res.status).toBe(400)
    expect(res.text).toMatch(message)
    expect(await stored()).toBe(before)
  })

  it('its depth is computed from the comment it answers; past the limit it is refused', async () => {
    const ok = await reply({ parent: top, body: 'Thanks for writing in.' })
    expect(ok.status).toBe(201)
    expect(JSON.parse(ok.text).doc.threadDepth).toBe(2)
    const tooDeep = await reply({ parent: deepest, body: 'Too deep.' })
    expect(tooDeep.status).toBe(400)
    expect(tooDeep.text).toMatch(/too deep/)
  })

  it('a moderator cannot edit a comment’s website into a javascript: link', async () => {
    const res = await api(`/comments/${top}`, {
      method: 'PATCH',
      headers: { ...(await login('moderator')), 'content-type': 'application/json' },
      body: JSON.stringify({ authorWebsite: 'javascript:alert(1)' }),
    })
    expect(res.status).toBe(400)
    expect((await saved(top)).authorWebsite).toBeNull()
  })
})

describe('threads and feeds survive hostile data', () => {
  it('a comment cannot be re-pointed at itself or moved to another post', async () => {
    const id = (await submit(valid())).doc!.id as string
    await approve(id)
    const res = await api(`/comments/${id}`, {
      method: 'PATCH',
      headers: { ...(await login('moderator')), 'content-type': 'application/json' },
      body: JSON.stringify({ parent: id, post: otherPostId }),
    })
    expect(res.status).toBe(200)
    const comment = await saved(id)
    expect(comment.parent ?? null).toBeNull()
    expect(String((comment.post as { id?: unknown }).id ?? comment.post)).toBe(String(postId))
  })

  it('a loop stored by hand (an import, a database edit) still renders, with every comment', async () => {
    const post = await createTestPost(payload, 'live', 'Loop in the thread')
    const make = (body: string) =>
      payload.create({
        collection: 'comments',
        context: { trustedImport: true },
        data: {
          post: post.id,
          authorName: 'R',
          authorEmail: 'r@example.com',
          body,
          status: 'approved',
        },
      })
    const a = await make('First of a loop')
    const b = await make('Second of a loop')
    await payload.db.updateOne({ collection: 'comments', id: a.id, data: { parent: b.id } })
    await payload.db.updateOne({ collection: 'comments', id: b.id, data: { parent: a.id } })
    await payload.updateGlobal({ slug: 'moderation-settings', data: { maxThreadDepth: 1 } })
    try {
      const html = await getHtml(`${server.url}/posts/${post.slug}`)
      expect(html).toContain('First of a loop')
      expect(html).toContain('Second of a loop')
    } finally {
      await payload.updateGlobal({ slug: 'moderation-settings', data: { maxThreadDepth: 3 } })
    }
  })

  it('characters XML forbids are dropped from what readers write, and from the feed', async () => {
    const res = await submit(valid({ body: `Nice\uFFFF post\u0000 indeed ${randomUUID()}` }))
    expect((await saved(res.doc!.id)).body).toMatch(/^Nice post indeed /)
    await payload.create({
      collection: 'comments',
      context: { trustedImport: true },
      data: {
        post: postId as number,
        authorName: 'Old import',
        authorEmail: 'old@example.com',
        body: 'Imported long ago \uFFFE with odd bytes \uFFFF',
        status: 'approved',
      },
    })
    const feed = await getHtml(`${server.url}/comments/feed.xml`)
    expect(feed).toContain('Imported long ago')
    expect(feed).not.toMatch(/[\uFFFE\uFFFF]/)
  })
})
