import { randomUUID } from 'node:crypto'
import path from 'node:path'

import { type Client, type Transaction, createClient } from '@libsql/client'
import type { Payload } from 'payload'

import { issueFormToken } from '@/lib/comments/formToken'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { postCommentForm } from '../support/commentForm'
import { type TestServer, localPayload, signIn } from '../support/server'
import {
  type SmallDisk,
  fillUnderDatabase,
  mountSmallDisk,
  settleAll,
  startServerOnDisk,
} from '../support/smallDisk'

/**
 * The storage drill: the database lives on a small file system of the test's own, and the
 * server is kept running while, in turn, that disk fills up, the database file becomes
 * read-only, and another process (as a long import would) holds SQLite's write lock. Each time:
 * reader pages keep serving, a comment is answered "we could not save your comment, please try
 * again in a few minutes" (a form posted without JavaScript comes back with the reader's text in
 * it), a staff save is refused with a message that says why, nothing is written and the file
 * passes `PRAGMA integrity_check`. Then the fault is taken away and the same server, not
 * restarted, takes the comment and the save.
 */
const mongo = Boolean(process.env.TEST_MONGODB_URI)
if (mongo)
  console.log('storageFaults: skipped on MongoDB (it drives a SQLite file on a small disk)')
const describeSqlite = mongo ? describe.skip : describe

const NOT_SAVED = /We could not save your comment just now/

let disk: SmallDisk
let cleanup: (() => Promise<void>) | undefined
let server: TestServer
let payload: Payload
let inspector: Client
let staff: Record<string, string>
let postId: number | string
let title: string
let ip = 0

const url = (p: string) => `${server.url}${p}`
const postPath = `/posts/${REFERENCE_POST_SLUG}`
const nextIp = () => `203.0.113.${(ip += 1)}`

const submitOverRest = async (body: string) => {
  const res = await fetch(url('/api/comments?depth=0'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
    body: JSON.stringify({
      post: postId,
      authorName: 'Rosa Patient',
      authorEmail: `rosa-${randomUUID()}@example.com`,
      body,
      formToken: issueFormToken(payload.secret, postId, Date.now() - 10_000),
    }),
  })
  const json = (await res.json()) as { errors?: { message: string }[] }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json }
}

const submitWithoutJs = (body: string) =>
  postCommentForm(
    server,
    REFERENCE_POST_SLUG,
    { name: 'Sam Reader', email: `sam-${randomUUID()}@example.com`, body },
    { ip: nextIp(), secret: payload.secret },
  )

const saveTitle = async (newTitle: string) => {
  const res = await fetch(url(`/api/posts/${postId}`), {
    method: 'PATCH',
    headers: { ...staff, 'content-type': 'application/json' },
    body: JSON.stringify({ title: newTitle, _status: 'published' }),
  })
  const json = (await res.json()) as { errors?: { message: string }[] }
  return { status: res.status, message: json.errors?.[0]?.message ?? '' }
}

/** Comments stored with this text, read straight from the file. */
const storedWith = async (body: string) =>
  Number(
    (
      await inspector.execute({
        sql: 'select count(*) as n from comments where body = ?',
        args: [body],
      })
    ).rows[0]!.n,
  )

const storedTitle = async () =>
  String(
    (await inspector.execute({ sql: 'select title from posts where id = ?', args: [postId] }))
      .rows[0]!.title,
  )

type Fault = {
  name: string
  /** What staff are told, in part. */
  staffReason: RegExp
  /** Whether a write waits (for the lock) before it is refused, rather than failing at once. */
  waits: boolean
  apply: () => Promise<void>
  undo: () => Promise<void>
}

let lockHolder: Transaction | undefined
let holderClient: Client | undefined

const FAULTS: Fault[] = [
  {
    name: 'the disk is full',
    staffReason: /disk holding the database is full/,
    waits: false,
    apply: async () => {
      await fillUnderDatabase(disk, inspector)
    },
    undo: () => disk.free(),
  },
  {
    name: 'the database file is read-only',
    staffReason: /database cannot be written to/,
    waits: false,
    apply: async () => disk.readOnly(['inkwell.db', 'inkwell.db-wal'], true),
    undo: async () => disk.readOnly(['inkwell.db', 'inkwell.db-wal'], false),
  },
  {
    name: 'a long import holds the write lock',
    staffReason: /database is busy with a long task/,
    waits: true,
    apply: async () => {
      holderClient = createClient({ url: `file:${path.join(disk.dir, 'inkwell.db')}` })
      lockHolder = await holderClient.transaction('write')
      await lockHolder.execute('update posts set title = title where id = -1')
    },
    undo: async () => {
      await lockHolder?.rollback()
      holderClient?.close()
      lockHolder = holderClient = undefined
    },
  },
]

describeSqlite('when the database cannot be written', () => {
  beforeAll(async () => {
    disk = await mountSmallDisk(96)
    const site = await startServerOnDisk(disk)
    ;({ server, cleanup } = site)
    payload = await localPayload(server)
    inspector = createClient({ url: site.databaseUrl })
    const { docs } = await payload.find({
      collection: 'posts',
      where: { slug: { equals: REFERENCE_POST_SLUG } },
      depth: 0,
    })
    postId = docs[0]!.id
    title = docs[0]!.title
    // Signed in before any fault: signing in writes a session.
    staff = (await signIn(server, 'editor')).headers
    // The pages readers will ask for, in the cache.
    for (const p of ['/', postPath]) expect((await fetch(url(p))).status).toBe(200)
  }, 180_000)

  afterAll(async () => {
    // Every step, whatever an earlier one threw: a server left running would keep the disk busy.
    await settleAll([
      () => lockHolder?.rollback(),
      () => holderClient?.close(),
      () => inspector?.close(),
      () => payload?.destroy(),
      () => cleanup?.(),
      () => disk?.free(),
      () => disk?.unmount(),
    ])
  })

  describe.each(FAULTS)('when $name', (fault) => {
    const comment = `Written while ${fault.name}: ${randomUUID()}`
    const formComment = `Posted without JavaScript while ${fault.name}: ${randomUUID()}`
    const pid = () => server.child.pid

    let serverPid: number | undefined
    beforeAll(async () => {
      serverPid = pid()
      await fault.apply()
    }, 60_000)
    afterAll(async () => {
      await fault.undo().catch(() => undefined)
    })

    it('reader pages keep serving while a comment waits', async () => {
      // A comment is sent first and waits on the database; the pages asked for after it
      // must not wait behind it.
      const order: string[] = []
      const waiting = submitOverRest(`${comment} (a)`).then((r) => {
        order.push('comment answered')
        return r
      })
      await new Promise((r) => setTimeout(r, 300))
      // Readiness stays green: this instance still serves readers, and every instance shares
      // the one database, so taking it out of rotation would help no one.
      for (const p of ['/', postPath, '/search?q=massage', '/api/health/ready']) {
        const res = await fetch(url(p))
        expect(res.status).toBe(200)
        const html = await res.text()
        if (p === postPath) expect(html).toContain(title)
        order.push(`${p} served`)
      }
      expect((await waiting).status).toBe(503)
      // A comment waiting for the lock must not hold up the readers who came after it.
      if (fault.waits) expect(order.at(-1)).toBe('comment answered')
    })

    it('a comment over REST is answered 503 "try again in a few minutes", and nothing is stored', async () => {
      const answer = await submitOverRest(comment)
      expect(answer.status).toBe(503)
      expect(Number(answer.retryAfter)).toBeGreaterThan(0)
      expect(answer.json.errors?.[0]?.message).toBe(
        'We could not save your comment just now. Please try again in a few minutes.',
      )
      // Nothing about the server's storage is told to the public.
      expect(JSON.stringify(answer.json)).not.toMatch(/SQLITE|disk|read-only|lock/i)
      expect(await storedWith(comment)).toBe(0)
    })

    it('a comment over GraphQL gets the same words, and nothing is stored', async () => {
      const body = `${comment} (GraphQL)`
      const data = JSON.stringify({
        post: postId,
        authorName: 'Rosa Patient',
        authorEmail: `rosa-${randomUUID()}@example.com`,
        body,
        formToken: issueFormToken(payload.secret, postId, Date.now() - 10_000),
      }).replace(/"(\w+)":/g, '$1:')
      const res = await fetch(url('/api/graphql'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
        body: JSON.stringify({ query: `mutation { createComment(data: ${data}) { id } }` }),
      })
      const answer = (await res.json()) as {
        errors?: { message: string; extensions?: { statusCode?: number } }[]
      }
      expect(answer.errors?.[0]?.message).toBe(
        'We could not save your comment just now. Please try again in a few minutes.',
      )
      expect(answer.errors?.[0]?.extensions?.statusCode).toBe(503)
      expect(JSON.stringify(answer)).not.toMatch(/SQLITE|disk|read-only|lock/i)
      expect(await storedWith(body)).toBe(0)
    })

    it('the form posted without JavaScript says so and gives the reader their text back', async () => {
      const { html } = await submitWithoutJs(formComment)
      expect(NOT_SAVED.exec(html)?.[0]).toBeDefined()
      const textarea = /<textarea[^>]*name="body"[^>]*>([^<]*)<\/textarea>/.exec(html)
      expect(textarea?.[1]).toBe(formComment)
      expect(/<input[^>]*name="name"[^>]*>/.exec(html)?.[0]).toContain('value="Sam Reader"')
      expect(html).not.toContain('@example.com')
      expect(await storedWith(formComment)).toBe(0)
    })

    it('a staff save is refused with the reason and changes nothing', async () => {
      const answer = await saveTitle(`${title} (not saved)`)
      expect(answer.status).toBe(503)
      expect(answer.message).toMatch(fault.staffReason)
      expect(answer.message).toMatch(/This change may not have been saved/)
      expect(await storedTitle()).toBe(title)
    })

    it('the database file is intact', async () => {
      const rows = (await inspector.execute('PRAGMA integrity_check')).rows
      expect(rows.map((r) => r.integrity_check)).toEqual(['ok'])
    })

    it('once the fault is gone, the same server takes the comment and the save', async () => {
      await fault.undo()
      expect(pid()).toBe(serverPid)
      expect(server.child.exitCode).toBeNull()
      const answer = await submitOverRest(comment)
      expect(answer.status).toBe(201)
      // Read from another connection: committed, not only answered.
      expect(await storedWith(comment)).toBe(1)
      const form = await submitWithoutJs(formComment)
      expect(/your comment was received/.exec(form.html)?.[0]).toBeDefined()
      expect(await storedWith(formComment)).toBe(1)
      const saved = await saveTitle(`${title} (after ${fault.name})`)
      expect(saved.status).toBe(200)
      expect(await storedTitle()).toBe(`${title} (after ${fault.name})`)
      title = `${title} (after ${fault.name})`
      const page = await (await fetch(url(postPath))).text()
      expect(page).toContain(title)
      expect((await inspector.execute('PRAGMA integrity_check')).rows[0]!.integrity_check).toBe(
        'ok',
      )
    }, 60_000)
  })
})
