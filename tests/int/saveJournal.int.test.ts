import type { Payload } from 'payload'

import { postSearchFields } from '@/lib/search/words'
import { journalEntries, recoverInterruptedSaves } from '@/lib/server/saveJournal'

import { createTestPost } from '../support/posts'
import { standalonePayload } from '../support/server'

/**
 * A post's save cut off after any of its statements: the process killed there (every later
 * statement never runs), then the start-up recovery; or the statement failing in a running
 * server. Either way the post ends whole and as it was before the save, never half-saved. The
 * crash drill (crashDrill.int.test.ts) kills a real server at a random moment; this goes through
 * every moment of a save, one by one.
 */
const mongo = Boolean(process.env.TEST_MONGODB_URI)
const describeSqlite = mongo ? describe.skip : describe

let payload: Payload
let cleanup: () => Promise<void>

type Statement = string | { sql: string }
type Client = {
  execute: (statement: Statement, args?: unknown) => Promise<unknown>
  batch: (statements: Statement[], mode?: unknown) => Promise<unknown>
}
const clientOf = () => (payload.db as unknown as { client: Client }).client
const isRead = (statement: Statement) =>
  /^\s*(select|pragma)\b/i.test(typeof statement === 'string' ? statement : statement.sql)

/**
 * Lets `writes` write statements through, then cuts the next write as `mode` says: `die` never
 * answers it or anything after it, as in a killed process; `fail` refuses that one statement, as
 * a full disk does, and lets the rest through. `writes: Infinity` only counts.
 */
const cutAfter = (writes: number, mode: 'die' | 'fail') => {
  const client = clientOf()
  const { execute, batch } = client
  let seen = 0
  let state: 'running' | 'dead' | 'past' = 'running'
  let reached!: () => void
  const reachedCut = new Promise<void>((resolve) => (reached = resolve))
  const hold = () => new Promise<never>(() => {})
  const gate = (statement: Statement, run: () => Promise<unknown>) => {
    if (state === 'dead') return hold()
    if (state === 'past' || isRead(statement)) return run()
    if (seen < writes) {
      seen += 1
      return run()
    }
    reached()
    if (mode === 'die') {
      state = 'dead'
      return hold()
    }
    state = 'past'
    return Promise.reject(new Error('SQLITE_FULL: database or disk is full'))
  }
  Object.assign(client, {
    execute: (statement: Statement, args?: unknown) =>
      gate(statement, () => execute(statement, args)),
    batch: (statements: Statement[], mode?: unknown) =>
      gate(statements[0]!, () => batch(statements, mode)),
  })
  return {
    reachedCut,
    writes: () => seen,
    restore: () => Object.assign(client, { execute, batch }),
  }
}

type Post = Record<string, unknown> & { id: number | string; title: string }
const read = async (id: number | string, draft: boolean) =>
  (await payload.findByID({ collection: 'posts', id, depth: 0, draft })) as unknown as Post

/** Everything a reader or an editor could find half-saved. */
const stateOf = async (id: number | string) => {
  const published = await read(id, false)
  const draft = await read(id, true)
  const versions = await payload.findVersions({
    collection: 'posts',
    where: { parent: { equals: id } },
    depth: 0,
    limit: 0,
    sort: '-updatedAt',
  })
  const latest = versions.docs.filter((v) => v.latest)
  return {
    // A finished published save changes the time; the rest must match exactly.
    published: { ...published, updatedAt: undefined },
    draftTitle: draft.title,
    versions: versions.totalDocs,
    latestTitles: latest.map((v) => (v.version as { title: string }).title),
  }
}

type State = Awaited<ReturnType<typeof stateOf>>

/** The search words a published post has once its title is `title` (they come from it too). */
const wordsWith = ({ published }: State, title: string) => {
  const { excerpt, searchText } = published as Record<string, string | undefined>
  return postSearchFields(title, excerpt, searchText)
}

type Save = {
  name: string
  prepare?: (id: number | string) => Promise<void>
  save: Record<string, unknown>
  /** The post as this save leaves it when it finishes. */
  whole: (before: State) => State
}
const saves: Save[] = [
  {
    name: 'a published save',
    save: { data: { title: 'After the save' } },
    whole: (before) => ({
      published: {
        ...before.published,
        title: 'After the save',
        ...wordsWith(before, 'After the save'),
      },
      draftTitle: 'After the save',
      versions: before.versions + 1,
      latestTitles: ['After the save'],
    }),
  },
  {
    name: 'a draft save',
    save: { data: { title: 'Draft after the save' }, draft: true },
    whole: (before) => ({
      ...before,
      draftTitle: 'Draft after the save',
      versions: before.versions + 1,
      latestTitles: ['Draft after the save'],
    }),
  },
  {
    name: 'an autosave that changes the last autosave in place',
    prepare: async (id) => {
      await payload.update({
        collection: 'posts',
        id,
        data: { title: 'First autosave' },
        draft: true,
        autosave: true,
      })
    },
    save: { data: { title: 'Second autosave' }, draft: true, autosave: true },
    whole: (before) => ({
      ...before,
      draftTitle: 'Second autosave',
      latestTitles: ['Second autosave'],
    }),
  },
]

/** A live post with tags and a category, saved once more, plus whatever the case needs. */
const makePost = async (save: Save, n: number) => {
  const post = await createTestPost(payload, 'live', `Journal ${save.name} ${n}`)
  const tag = await payload.create({ collection: 'tags', data: { title: `Tag ${save.name} ${n}` } })
  const category = await payload.create({
    collection: 'categories',
    data: { title: `Category ${save.name} ${n}` },
  })
  await payload.update({
    collection: 'posts',
    id: post.id,
    data: { tags: [tag.id], categories: [category.id], excerpt: 'Kept as it was.' },
  })
  await save.prepare?.(post.id)
  return post.id
}

const run = (id: number | string, save: Save) =>
  payload.update({ collection: 'posts', id, depth: 0, ...save.save } as Parameters<
    Payload['update']
  >[0])

describeSqlite('the save journal: a post is never left half-saved', () => {
  beforeAll(async () => {
    ;({ payload, cleanup } = await standalonePayload())
  }, 180_000)
  afterAll(async () => {
    await cleanup?.()
  })

  describe.each(saves)('$name', (save) => {
    let statements = 0
    it('is journaled, and the entry is gone once the save is whole', async () => {
      const id = await makePost(save, 0)
      const before = await stateOf(id)
      const count = cutAfter(Infinity, 'die')
      await run(id, save)
      count.restore()
      expect(await stateOf(id)).toEqual(save.whole(before))
      statements = count.writes()
      expect(statements).toBeGreaterThan(3)
      expect(await journalEntries(payload)).toEqual([])
    })

    it('killed after any statement, then started again: the post is whole and as before', async () => {
      let halfSaved = 0
      for (let n = 0; n < statements; n += 1) {
        const id = await makePost(save, n + 1)
        const before = await stateOf(id)
        const cut = cutAfter(n, 'die')
        void run(id, save).catch(() => undefined)
        await cut.reachedCut
        cut.restore()
        const killed = await stateOf(id)
        if (JSON.stringify(killed) !== JSON.stringify(before)) halfSaved += 1

        await recoverInterruptedSaves(payload, { isGone: () => true })
        expect({ n, ...(await stateOf(id)) }).toEqual({ n, ...before })
        expect(await journalEntries(payload)).toEqual([])
      }
      // Before the recovery, some cuts left the post half-saved: without that, the test would
      // pass for nothing.
      expect(halfSaved).toBeGreaterThan(0)
    })

    it('refused at any statement by a running server: the post is put back at once', async () => {
      for (let n = 0; n < statements; n += 1) {
        const id = await makePost(save, 100 + n)
        const before = await stateOf(id)
        const cut = cutAfter(n, 'fail')
        const outcome = await run(id, save).then(
          () => 'saved',
          (error: Error) => error.message,
        )
        cut.restore()
        // Put back, or whole when Payload tried again itself (an autosave refused in place is
        // made a new version instead).
        const whole = save.whole(before)
        const check = (state: State) => {
          const retried = outcome === 'saved' || state.versions === whole.versions + 1
          if (retried) expect({ n, ...state, versions: 0 }).toEqual({ n, ...whole, versions: 0 })
          else expect([before, whole]).toContainEqual(state)
        }
        check(await stateOf(id))
        await recoverInterruptedSaves(payload, { isGone: () => true })
        check(await stateOf(id))
        expect(await journalEntries(payload)).toEqual([])
      }
    })
  })

  it('leaves the entries of a process still running alone', async () => {
    const id = await makePost(saves[0]!, 999)
    const cut = cutAfter(2, 'die')
    void run(id, saves[0]!).catch(() => undefined)
    await cut.reachedCut
    cut.restore()
    expect(await recoverInterruptedSaves(payload)).toBe(0)
    expect(await journalEntries(payload)).toHaveLength(1)
    expect(await recoverInterruptedSaves(payload, { isGone: () => true })).toBe(1)
  })
})
