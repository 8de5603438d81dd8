import { randomUUID } from 'node:crypto'

import { createClient } from '@libsql/client'
import type { Payload } from 'payload'

import { issueFormToken } from '@/lib/comments/formToken'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { type TestServer, getHtml, localPayload, signIn, startServer } from '../support/server'

/**
 * The crash drill: readers submit comments over REST from many addresses at once while an editor
 * publishes posts, and the server is killed (SIGKILL, as a crash or the OOM killer would) at a
 * random moment under that load. A second server then starts on the same SQLite file, and:
 * every comment answered 201 with an id is stored exactly once, nothing is stored twice, the file
 * passes `PRAGMA integrity_check`, no post is half-saved, and the pages serve.
 *
 * A process crash, not a power cut: what the killed process had handed to the kernel survives,
 * so this shows the app never acknowledges what it has not committed, and that a restart
 * recovers the write-ahead log cleanly. It says nothing about fsync on power loss.
 */
const SUBMITTERS = 12
/** The reference post (which the comments go to) and this many more, all published live. */
const OTHER_EDITED_POSTS = 2
/** The kill comes once this much has been acknowledged, plus a random delay. */
const MIN_ACKED_COMMENTS = 20
const MIN_ACKED_SAVES = 3
const MAX_EXTRA_DELAY_MS = 1500
/** If the load stalls, kill anyway, and let the assertions report what happened. */
const LOAD_DEADLINE_MS = 20_000

const mongo = Boolean(process.env.TEST_MONGODB_URI)
if (mongo) {
  console.log(
    'crashDrill: skipped on MongoDB (it checks a SQLite file with PRAGMA integrity_check)',
  )
}
const describeSqlite = mongo ? describe.skip : describe

const run = randomUUID().slice(0, 8)
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

type Submission = { body: string; status: number | 'no answer'; id?: number | string }
type Save = { title: string; status: number | 'no answer' }
type EditedPost = {
  id: number | string
  slug: string
  /** The fields the editor never sends, as they were before the load. */
  untouched: Record<string, unknown>
  saves: Save[]
}

let first: TestServer
let second: TestServer | undefined
let payload: Payload
let referencePostId: number | string
const submissions: Submission[] = []
const posts: EditedPost[] = []
let integrity: unknown[] = []

/** What a save must leave alone: everything but the title (and what the save itself stamps). */
const untouchedFields = (doc: Record<string, unknown>) => ({
  slug: doc.slug,
  excerpt: doc.excerpt,
  content: doc.content,
  searchText: doc.searchText,
  publishedAt: doc.publishedAt,
  authors: doc.authors,
  categories: doc.categories,
  tags: doc.tags,
  commentsOpen: doc.commentsOpen,
  _status: doc._status,
})

const readPost = async (id: number | string, draft: boolean) =>
  (await payload.findByID({ collection: 'posts', id, depth: 0, draft })) as unknown as Record<
    string,
    unknown
  >

const submitComment = async (submitter: number, n: number) => {
  const body = `Crash drill ${run} comment ${submitter}-${n}: the stretches helped my back.`
  const submission: Submission = { body, status: 'no answer' }
  submissions.push(submission)
  try {
    const res = await fetch(`${first.url}/api/comments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Each submitter has an address of its own; it moves on every 20 comments, below the
        // per-address ceiling (FLOOD_RULES.addressCeiling), which would refuse, not hold.
        'x-forwarded-for': `10.${submitter}.${Math.floor(n / 20)}.1`,
      },
      body: JSON.stringify({
        post: referencePostId,
        authorName: `Reader ${submitter}`,
        authorEmail: `drill-${run}-${submitter}-${n}@example.com`,
        body,
        formToken: issueFormToken(payload.secret, referencePostId, Date.now() - 10_000),
      }),
    })
    submission.status = res.status
    const json = (await res.json()) as { doc?: { id?: number | string } }
    submission.id = json.doc?.id
  } catch {
    // The server died before answering (or mid-answer): not acknowledged.
  }
}

const savePost = async (post: EditedPost, headers: Record<string, string>, n: number) => {
  const save: Save = {
    title: `Crash drill ${run} post ${post.slug} save ${n}`,
    status: 'no answer',
  }
  post.saves.push(save)
  try {
    const res = await fetch(`${first.url}/api/posts/${post.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ title: save.title, _status: 'published' }),
    })
    await res.text()
    save.status = res.status
  } catch {
    // The server died before answering.
  }
}

const acknowledged = () => submissions.filter((s) => s.status === 201 && s.id != null)
/** The saves made under load (each post's first save came before it). */
const loadSaves = () => posts.flatMap((p) => p.saves.slice(1))
const ackedSaves = () => loadSaves().filter((s) => s.status === 200)

describeSqlite('crash drill: SIGKILL under comment and editing load, then a restart', () => {
  beforeAll(async () => {
    const started = Date.now()
    first = await startServer({ serverOnlyEnv: { TRUSTED_PROXY_HOPS: '1' } })
    payload = await localPayload(first)
    const editor = await signIn(first, 'editor')

    const others = await payload.find({
      collection: 'posts',
      where: { slug: { not_equals: REFERENCE_POST_SLUG } },
      sort: '-publishedAt',
      limit: OTHER_EDITED_POSTS,
      depth: 0,
    })
    for (const slug of [REFERENCE_POST_SLUG, ...others.docs.map((doc) => doc.slug!)]) {
      const found = await payload.find({
        collection: 'posts',
        where: { slug: { equals: slug } },
        limit: 1,
      })
      const id = found.docs[0]!.id
      const post: EditedPost = { id, slug, untouched: {}, saves: [] }
      // A first save before the load, so every title the post can have is one the drill wrote.
      await savePost(post, editor.headers, 0)
      expect(post.saves[0]!.status).toBe(200)
      post.untouched = untouchedFields(await readPost(id, false))
      posts.push(post)
    }
    referencePostId = posts[0]!.id

    let stopping = false
    const loadStarted = Date.now()
    const readers = Array.from({ length: SUBMITTERS }, async (_, submitter) => {
      for (let n = 0; !stopping; n += 1) await submitComment(submitter, n)
    })
    const editing = posts.map(async (post) => {
      for (let n = 1; !stopping; n += 1) await savePost(post, editor.headers, n)
    })

    while (
      Date.now() - loadStarted < LOAD_DEADLINE_MS &&
      (acknowledged().length < MIN_ACKED_COMMENTS || ackedSaves().length < MIN_ACKED_SAVES)
    ) {
      await pause(50)
    }
    const extra = Math.floor(Math.random() * MAX_EXTRA_DELAY_MS)
    await pause(extra)
    const inFlight = SUBMITTERS + posts.length
    // No request starts after this; the ones under way meet the kill.
    stopping = true
    await first.kill()
    const killedAt = Date.now() - loadStarted
    await Promise.all([...readers, ...editing])
    console.log(
      `crashDrill: killed ${killedAt} ms into the load (random extra ${extra} ms), ` +
        `${inFlight} requests in flight at most; ${acknowledged().length} comments acknowledged ` +
        `of ${submissions.length} sent, ${ackedSaves().length} post saves acknowledged ` +
        `of ${loadSaves().length} sent`,
    )

    // The file as the crash left it (the write-ahead log not yet folded back by a restart).
    const db = createClient({ url: first.env.DATABASE_URI! })
    try {
      integrity = (await db.execute('PRAGMA integrity_check')).rows.map((row) => ({ ...row }))
    } finally {
      db.close()
    }

    second = await startServer({
      shareDatabaseOf: first,
      serverOnlyEnv: { TRUSTED_PROXY_HOPS: '1' },
    })
    console.log(`crashDrill: set-up, load, kill and restart took ${Date.now() - started} ms`)
  }, 120_000)

  afterAll(async () => {
    await payload?.destroy()
    await second?.stop()
    // The first server is dead already; this removes the temporary database it made.
    await first?.stop()
  })

  it('the database file passes PRAGMA integrity_check', () => {
    expect(integrity).toEqual([{ integrity_check: 'ok' }])
  })

  it('every acknowledged comment is stored exactly once, and nothing is stored twice', async () => {
    const stored = await payload.find({
      collection: 'comments',
      where: { body: { contains: `Crash drill ${run} comment` } },
      pagination: false,
      depth: 0,
    })
    const copies = new Map<string, (number | string)[]>()
    for (const doc of stored.docs) copies.set(doc.body, [...(copies.get(doc.body) ?? []), doc.id])

    const acked = acknowledged()
    console.log(
      `crashDrill: ${acked.length} comments acknowledged, ${stored.docs.length} stored ` +
        `(${copies.size} distinct), ${submissions.length} sent`,
    )
    const lost = acked.filter((s) => !copies.has(s.body)).map((s) => s.body)
    const wrongId = acked
      .filter((s) => copies.has(s.body) && !copies.get(s.body)!.includes(s.id!))
      .map((s) => s.body)
    const twice = [...copies].filter(([, ids]) => ids.length > 1).map(([body]) => body)
    expect({ lost, wrongId, twice }).toEqual({ lost: [], wrongId: [], twice: [] })
    // Stored but never acknowledged is fine (answered after the kill); invented is not.
    const sent = new Set(submissions.map((s) => s.body))
    expect([...copies.keys()].filter((body) => !sent.has(body))).toEqual([])
    expect(acked.length).toBeGreaterThan(0)
  })

  // Half-saved: a post whose stored state is not one single save. Each post's saves were
  // sequential, so its title must be the last acknowledged one or the one in flight at the
  // kill; its latest version must hold that same title, published, and be the only version
  // marked latest; the draft read (the latest version) must agree with the published row; and
  // every field the editor never sent must be as it was.
  it('no post is half-saved', async () => {
    for (const post of posts) {
      const acked = post.saves.filter((s) => s.status === 200)
      const lastAcked = acked.at(-1)!
      const after = post.saves.slice(post.saves.indexOf(lastAcked) + 1)
      // At most one save was unanswered (the one in flight); a refused save (4xx/5xx) would be
      // a finding of its own.
      expect(after.map((s) => s.status)).toEqual(after.length ? ['no answer'] : [])
      const allowed = [lastAcked.title, ...after.map((s) => s.title)]

      const published = await readPost(post.id, false)
      const draft = await readPost(post.id, true)
      // The newest version is the one Payload flags `latest` (what the dashboard opens), not the
      // last by updatedAt: two saves a few milliseconds apart have once sorted the other way.
      const latest = await payload.findVersions({
        collection: 'posts',
        where: { and: [{ parent: { equals: post.id } }, { latest: { equals: true } }] },
        depth: 0,
      })
      const newest = latest.docs[0]?.version as Record<string, unknown> | undefined

      const title = String(published.title)
      expect({ slug: post.slug, title, allowed: allowed.includes(title) }).toEqual({
        slug: post.slug,
        title,
        allowed: true,
      })
      expect({
        draftTitle: draft.title,
        newestVersionTitle: newest?.title,
        newestVersionStatus: newest?._status,
        versionsMarkedLatest: latest.totalDocs,
        untouched: untouchedFields(published),
      }).toEqual({
        draftTitle: published.title,
        newestVersionTitle: published.title,
        newestVersionStatus: 'published',
        versionsMarkedLatest: 1,
        untouched: post.untouched,
      })
    }
  })

  it('pages serve after the restart: home, the edited posts, and a comment approved now', async () => {
    expect(await getHtml(`${second!.url}/`)).toContain('href="/posts/')
    for (const post of posts) {
      const { title } = await readPost(post.id, false)
      expect(await getHtml(`${second!.url}/posts/${post.slug}`)).toContain(`<h1>${title}</h1>`)
    }

    // Received comments wait for a moderator; one approved on the restarted server shows.
    const comment = acknowledged()[0]!
    const moderator = await signIn(second!, 'moderator')
    const res = await fetch(`${second!.url}/api/comments/${comment.id}`, {
      method: 'PATCH',
      headers: { ...moderator.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    })
    expect(res.status).toBe(200)
    expect(await getHtml(`${second!.url}/posts/${REFERENCE_POST_SLUG}`)).toContain(comment.body)
  })
})
