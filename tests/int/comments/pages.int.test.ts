import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { createTestPost } from '../../support/posts'
import { type TestServer, getHtml, withTestSite } from '../../support/server'
import { timeUntil } from '../../support/wait'

/**
 * Comments under a post come in pages of top-level threads (the moderation settings say how many
 * and in which order), each page at its own cached address, over HTTP from the production server.
 */
let server: TestServer
let payload: Payload
const run = randomUUID().slice(0, 6)

withTestSite({}, async (site) => {
  ;({ server, payload } = site)
})

type Id = number | string
const MINUTE = 60_000
const start = Date.now() - 1000 * 24 * 60 * MINUTE
let minute = 0
/** Approved (or, when told, held) as an import would store it; each one a minute after the last. */
const addComment = async (
  post: Id,
  body: string,
  { parent, status = 'approved' }: { parent?: Id; status?: 'approved' | 'pending' } = {},
) => {
  minute += 1
  const doc = await payload.create({
    collection: 'comments',
    data: {
      post: post as number,
      parent: (parent ?? null) as number | null,
      threadDepth: parent ? 2 : 1,
      authorName: 'Rosa Patient',
      authorEmail: 'rosa@example.com',
      body,
      status,
      submittedAt: new Date(start + minute * MINUTE).toISOString(),
    },
    context: { trustedImport: true, disableRevalidate: true },
    depth: 0,
  })
  return doc.id
}

const setPaging = (threadsPerPage: number, threadOrder: 'oldest' | 'newest') =>
  payload.updateGlobal({ slug: 'moderation-settings', data: { threadsPerPage, threadOrder } })

const page = (path: string, status = 200) => getHtml(`${server.url}${path}`, status)
/** The thread titles ("Thread 7") a page shows, in order. */
const threadsOn = (html: string) =>
  [...html.matchAll(/<\/header><p>Thread (\d+) of/g)].map((m) => Number(m[1]))
const commentIdsOn = (html: string) =>
  [...html.matchAll(/<li class="comment" id="comment-([\w-]+)"/g)].map((m) => m[1]!)
const redirectOf = async (path: string) => {
  const res = await fetch(`${server.url}${path}`, { redirect: 'manual' })
  await res.arrayBuffer()
  return { status: res.status, location: res.headers.get('location') }
}

describe('pages of comments', () => {
  let busy: { id: Id; slug: string }
  let quiet: { id: Id; slug: string }
  const threadIds: Id[] = []
  let lateReply: Id

  beforeAll(async () => {
    const made = await createTestPost(payload, 'live', `Busy thread ${run}`)
    busy = { id: made.id, slug: made.slug! }
    const other = await createTestPost(payload, 'live', `Quiet post ${run}`)
    quiet = { id: other.id, slug: other.slug! }
    for (let n = 1; n <= 12; n += 1) {
      threadIds.push(await addComment(busy.id, `Thread ${n} of the busy post.`))
    }
    lateReply = await addComment(busy.id, 'A late reply to the second thread.', {
      parent: threadIds[1],
    })
    await addComment(quiet.id, 'The only comment on the quiet post.')
    await setPaging(5, 'oldest')
  }, 120_000)

  it('splits top-level threads at the setting, each page at its own address', async () => {
    const [first, second, third] = await Promise.all([
      page(`/posts/${busy.slug}`),
      page(`/posts/${busy.slug}/comments/2`),
      page(`/posts/${busy.slug}/comments/3`),
    ])
    expect([threadsOn(first), threadsOn(second), threadsOn(third)]).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11, 12],
    ])
    // Every page counts every comment, and links to its neighbours.
    for (const html of [first, second, third]) expect(html).toContain('13 Comments')
    expect(first).toContain(`rel="next" href="/posts/${busy.slug}/comments/2#comments"`)
    expect(first).toContain('Newer comments →')
    expect(second).toContain(`rel="prev" href="/posts/${busy.slug}#comments"`)
    expect(third).not.toContain('rel="next"')
  })

  it('keeps search engines on the post: later pages are noindex, with the post as canonical', async () => {
    const first = await page(`/posts/${busy.slug}`)
    const second = await page(`/posts/${busy.slug}/comments/2`)
    expect(first).not.toContain('noindex')
    expect(second).toContain('<meta name="robots" content="noindex, follow"/>')
    expect(second).toContain(`<link rel="canonical" href="${server.url}/posts/${busy.slug}"/>`)
    expect(second).toContain('(comments, page 2)')
  })

  it('has no page past the last; page 1 is the post itself', async () => {
    await page(`/posts/${busy.slug}/comments/4`, 404)
    await page(`/posts/${busy.slug}/comments/0`, 404)
    await page(`/posts/${busy.slug}/comments/two`, 404)
    expect(await redirectOf(`/posts/${busy.slug}/comments/1`)).toEqual({
      status: 308,
      location: `/posts/${busy.slug}#comments`,
    })
  })

  it('shows a reply on its thread’s page, however late it came, with the reply form there too', async () => {
    const first = await page(`/posts/${busy.slug}`)
    const third = await page(`/posts/${busy.slug}/comments/3`)
    expect(first).toContain('A late reply to the second thread.')
    expect(third).not.toContain('A late reply to the second thread.')
    expect(third).toContain('Leave a Reply')
    expect(third).toContain(`href="#reply-to-${threadIds[11]}"`)
  })

  it('sends a comment’s permanent address to the page that shows it', async () => {
    expect(await redirectOf(`/comments/${lateReply}`)).toEqual({
      status: 307,
      location: `/posts/${busy.slug}#comment-${lateReply}`,
    })
    expect(await redirectOf(`/comments/${threadIds[11]}`)).toEqual({
      status: 307,
      location: `/posts/${busy.slug}/comments/3#comment-${threadIds[11]}`,
    })
  })

  it('answers a held comment’s address exactly as one that never existed', async () => {
    const held = await addComment(busy.id, 'Held for moderation.', { status: 'pending' })
    const draft = await createTestPost(payload, 'draft', `Draft with a comment ${run}`)
    const onDraft = await addComment(draft.id, 'On a draft.')
    for (const id of [held, onDraft, '99999999', 'not-an-id', 'a'.repeat(65)]) {
      const res = await fetch(`${server.url}/comments/${id}`, { redirect: 'manual' })
      const html = await res.text()
      expect({
        id,
        status: res.status,
        leaks: /Held for|On a draft|Busy thread/.test(html),
      }).toEqual({ id, status: 404, leaks: false })
    }
    await payload.delete({ collection: 'comments', id: held, context: { disableRevalidate: true } })
  })

  it('puts the newest threads first when set, moving the pages with it', async () => {
    await setPaging(5, 'newest')
    try {
      await timeUntil(async () => threadsOn(await page(`/posts/${busy.slug}`))[0] === 12)
      const first = await page(`/posts/${busy.slug}`)
      const third = await page(`/posts/${busy.slug}/comments/3`)
      expect([threadsOn(first), threadsOn(third)]).toEqual([
        [12, 11, 10, 9, 8],
        [2, 1],
      ])
      expect(first).toContain('Older comments →')
      expect(third).toContain('A late reply to the second thread.')
      expect((await redirectOf(`/comments/${lateReply}`)).location).toBe(
        `/posts/${busy.slug}/comments/3#comment-${lateReply}`,
      )
    } finally {
      await setPaging(5, 'oldest')
    }
    await timeUntil(async () => threadsOn(await page(`/posts/${busy.slug}`))[0] === 1)
  })

  it('refreshes every page of the post an approval changes, and no other post’s page', async () => {
    const cacheOf = async (path: string) => {
      const res = await fetch(`${server.url}${path}`)
      return { html: await res.text(), cache: res.headers.get('x-nextjs-cache') }
    }
    const watched = [
      `/posts/${busy.slug}`,
      `/posts/${busy.slug}/comments/3`,
      `/posts/${quiet.slug}`,
    ]
    for (const path of watched) {
      await timeUntil(async () => (await cacheOf(path)).cache === 'HIT')
    }
    const newcomer = await addComment(busy.id, 'Thread 13 of the busy post.', { status: 'pending' })
    await payload.update({ collection: 'comments', id: newcomer, data: { status: 'approved' } })

    await timeUntil(async () => (await cacheOf(`/posts/${busy.slug}`)).html.includes('14 Comments'))
    await timeUntil(async () =>
      threadsOn((await cacheOf(`/posts/${busy.slug}/comments/3`)).html).includes(13),
    )
    expect(await cacheOf(`/posts/${quiet.slug}`)).toMatchObject({ cache: 'HIT' })
  })

  it('shows each post’s comment count on its card on the index', async () => {
    await timeUntil(async () => {
      const home = await page('/')
      return (
        home.includes(`<a href="/posts/${busy.slug}#comments">14 Comments</a>`) &&
        home.includes(`<a href="/posts/${quiet.slug}#comments">1 Comment</a>`)
      )
    })
  })
})

describe('a thread of 1,100 comments', () => {
  let post: { id: Id; slug: string }
  const stored: string[] = []

  beforeAll(async () => {
    const made = await createTestPost(payload, 'live', `Very busy thread ${run}`)
    post = { id: made.id, slug: made.slug! }
    let previous: Id | undefined
    for (let n = 1; n <= 1100; n += 1) {
      // Every fourth a reply to the one before, as a busy WordPress thread reads.
      const parent = n % 4 === 0 ? previous : undefined
      previous = await addComment(post.id, `Comment ${n} on the very busy post.`, { parent })
      stored.push(String(previous))
    }
    await setPaging(50, 'oldest')
  }, 300_000)

  it('shows every approved comment on one of its pages, none hidden by a cap', async () => {
    const first = await page(`/posts/${post.slug}`)
    expect(first).toContain('1100 Comments')
    const totalPages = Number(/Comments page 1 of (\d+)/.exec(first)?.[1])
    // 825 top-level threads, 50 a page.
    expect(totalPages).toBe(17)
    const shown: string[] = commentIdsOn(first)
    for (let n = 2; n <= totalPages; n += 1) {
      shown.push(...commentIdsOn(await page(`/posts/${post.slug}/comments/${n}`)))
    }
    expect(shown.length).toBe(1100)
    expect(new Set(shown)).toEqual(new Set(stored))
    const last = stored.at(-1)!
    expect((await redirectOf(`/comments/${last}`)).location).toBe(
      `/posts/${post.slug}/comments/17#comment-${last}`,
    )
  })

  it('sends each comment once: in the page’s HTML, never again in its hydration data', async () => {
    const html = await page(`/posts/${post.slug}/comments/2`)
    const hydration = [...html.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs)]
      .map((m) => m[1])
      .join('')
    const bodies = [...html.matchAll(/Comment (\d+) on the very busy post\./g)].map((m) => m[1])
    expect(bodies.length).toBeGreaterThan(50)
    expect(new Set(bodies).size).toBe(bodies.length)
    expect(hydration.length).toBeGreaterThan(1000)
    expect(hydration).not.toMatch(/on the very busy post|Reader \d|Rosa Patient/)
    // A client-side visit asks for the same page's data alone: the comments are not in it either.
    const res = await fetch(`${server.url}/posts/${post.slug}/comments/2`, {
      headers: { RSC: '1' },
    })
    const data = await res.text()
    expect(res.headers.get('content-type')).toMatch(/text\/x-component/)
    expect(data).toContain('Very busy thread')
    expect(data).not.toContain('on the very busy post')
  })
})
