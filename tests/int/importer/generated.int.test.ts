import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload, SanitizedConfig } from 'payload'

import { syntheticCounts, writeSyntheticWxr } from '@/bench/syntheticWxr'
import { REPAIR_LATEST_VERSIONS } from '@/lib/server/repairVersions'
import { type ImportReport, countWork, importWordpress } from '@/tools/importer/run'
import { readWxrFile } from '@/tools/importer/wxrFile'

import { standalonePayload } from '../../support/server'
import { queryPlan } from '../../support/sqlitePlans'

// The importer on a generated export of a few thousand items (posts and comments), read from a
// file a piece at a time as `npm run import:wordpress` reads it. Its memory and time are printed
// for whoever runs it, not asserted: this machine is shared and its timings swing.

const OPTIONS = { posts: 300, busyComments: 1200 }
const expected = syntheticCounts(OPTIONS)

let payload: Payload
let cleanup: () => Promise<void>
let dir: string
let report: ImportReport
let ticks = 0
let work = 0

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

beforeAll(async () => {
  ;({ payload, cleanup } = await standalonePayload())
  const config: SanitizedConfig = await (await import('@/payload.config')).default
  dir = await mkdtemp(path.join(tmpdir(), 'inkwell-wxr-'))
  const file = path.join(dir, 'export.xml')
  const bytes = await writeSyntheticWxr(file, OPTIONS)

  const started = Date.now()
  const rssBefore = process.memoryUsage.rss()
  let rssPeak = rssBefore
  const source = await readWxrFile(file)
  work = countWork(source)
  report = await importWordpress(payload, config, source, {
    onItem: () => {
      ticks += 1
      if (ticks % 50 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage.rss())
    },
  })
  const seconds = (Date.now() - started) / 1000
  console.log(
    `Generated export: ${expected.posts} posts, ${expected.comments} comments (${bytes} bytes), ` +
      `${ticks} steps in ${seconds.toFixed(1)} s; test process RSS ${mb(rssBefore)} before, ` +
      `${mb(rssPeak)} at most while importing (sampled), ${mb(process.resourceUsage().maxRSS * 1024)} ` +
      `peak for the whole jest process; heap used after ${mb(process.memoryUsage().heapUsed)}.`,
  )
}, 300_000)

afterAll(async () => {
  await cleanup?.()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const count = async (collection: 'posts' | 'comments', where = {}) =>
  (await payload.count({ collection, where: { importKey: { exists: true }, ...where } })).totalDocs

describe('importing a generated export of a few thousand items from a file', () => {
  it('imports every post and comment, and reports the page and the missing images as skipped', async () => {
    expect(report.counts.posts).toEqual({
      imported: expected.posts,
      updated: 0,
      unchanged: 0,
      skipped: 1,
    })
    expect(report.counts.comments.imported).toBe(expected.comments)
    expect(report.counts.redirects.imported).toBe(expected.posts)
    expect(report.counts.authors.imported).toBe(expected.authors)
    expect(report.counts.categories.imported).toBe(expected.categories)
    expect(report.counts.tags.imported).toBe(expected.tags)
    expect(report.counts.blocks.imported).toBe(expected.blocks)
    expect(report.counts.media.skipped).toBe(2)
    expect(await count('posts')).toBe(expected.posts)
    expect(await count('comments')).toBe(expected.comments)
  })

  it('keeps the report to counts and keys, and moves the progress bar to exactly its total', () => {
    expect(ticks).toBe(work)
    expect(report.changes).toHaveLength(
      expected.authors +
        expected.categories +
        expected.tags +
        expected.blocks +
        expected.posts * 2 +
        expected.comments,
    )
    expect(Object.keys(report.changes[0]!).sort()).toEqual(['action', 'key'])
  })

  it('threads the busy post’s 1,200 comments four deep', async () => {
    const { docs } = await payload.find({
      collection: 'posts',
      where: { importKey: { equals: `wordpress:post:${expected.busyPostId}` } },
      depth: 0,
      limit: 1,
    })
    const post = docs[0]!.id
    expect(await count('comments', { post: { equals: post } })).toBe(expected.busyComments)
    expect(await count('comments', { post: { equals: post }, threadDepth: { equals: 4 } })).toBe(
      expected.busyComments / 4,
    )
    // The last comment of the post replies to the one before it, three levels down.
    const byKey = async (id: number) =>
      (
        await payload.find({
          collection: 'comments',
          where: { importKey: { equals: `wordpress:comment:${id}` } },
          depth: 0,
          limit: 1,
        })
      ).docs[0]!
    const deepest = await byKey(expected.busyComments)
    const parent = await byKey(expected.busyComments - 1)
    expect(deepest.threadDepth).toBe(expected.maxDepth)
    expect(deepest.parent).toBe(parent.id)
    expect(parent.threadDepth).toBe(expected.maxDepth - 1)
  })
})

// SQLite picks one index per lookup; with no index covering both of a lookup's columns it took
// the one on `latest` (true for nearly every row) and read the whole table, and the import slowed
// as the database grew. Asked of SQLite itself, on this imported database.
const sqliteOnly = process.env.TEST_MONGODB_URI ? describe.skip : describe
sqliteOnly('the importer’s lookups on a grown database', () => {
  const plan = async (query: string) => (await queryPlan(payload, query)).all

  it('finds a post’s latest version by import key through an index on both', async () => {
    expect(
      await plan(
        `select count(*) from "_posts_v" where ("_posts_v"."latest" = 1 and "_posts_v"."version_import_key" = 'wordpress:post:100')`,
      ),
    ).toMatch(
      /USING (COVERING )?INDEX _posts_v_import_key_latest_idx \(version_import_key=\? AND latest=\?\)/,
    )
  })

  it('repairs version marks at start-up by post, not by reading every version per version', async () => {
    const found = await plan(REPAIR_LATEST_VERSIONS)
    expect(found).toMatch(/SEARCH newest USING INDEX _posts_v_parent_idx \(parent_id=\?\)/)
    expect(found).not.toMatch(/SEARCH newest USING INDEX _posts_v_latest_idx/)
  })

  it('reads a comment’s signals by their parent through its own index', async () => {
    expect(
      await plan(`select * from "comments_texts" where "comments_texts"."parent_id" = 1`),
    ).toMatch(/USING INDEX comments_texts_parent_idx \(parent_id=\?\)/)
  })
})
