import type { Payload } from 'payload'

import { document } from '@/tools/seed/lexical'

import { standalonePayload } from '../support/server'
import { type Statement, queryPlan, statementsOf } from '../support/sqlitePlans'

// What the readers' lists cost as posts accumulate, on SQLite: a list's count and the sitemap's
// newest change come from the posts' list index (each read every post's row before: 40-50 ms
// with 10,000 posts, against 1 ms), and that index never lures the planner away from the
// index of a selective filter (a small category here; a search's rarest word in search.int).

let payload: Payload
let cleanup: () => Promise<void>
let rareCategory: number | string
let newestId: number | string

beforeAll(async () => {
  ;({ payload, cleanup } = await standalonePayload())
  const published = (i: number) =>
    payload.create({
      collection: 'posts',
      data: {
        title: `Listed post ${i}`,
        _status: 'published',
        publishedAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
        content: document([{ type: 'p', text: `Post ${i}.` }], () => 0) as never,
      },
    })
  for (let i = 0; i < 14; i++) await published(i)
  rareCategory = (await payload.create({ collection: 'categories', data: { title: 'Rare' } })).id
  const rare = await published(14)
  await payload.update({
    collection: 'posts',
    id: rare.id,
    data: { slug: 'the-one-rare-post', categories: [rareCategory] },
  })
  newestId = rare.id
}, 180_000)
afterAll(() => cleanup?.())

/** SQLite's plan for each statement that reads the posts table itself (and matches `only`). */
const postPlans = async (statements: Statement[], only = /./) => {
  const onPosts = statements.filter((s) => /\bfrom "posts"/.test(s.sql) && only.test(s.sql))
  expect(onPosts.length).toBeGreaterThan(0)
  return Promise.all(
    onPosts.map(async (s) => {
      // The statement's own steps, apart from those of subqueries such as the per-post read of
      // its relations, which run for the page's posts only.
      const { own, all } = await queryPlan(payload, s)
      return { sql: s.sql.slice(0, 80), plan: own, all }
    }),
  )
}

const LIST_INDEX = /USING COVERING INDEX _status_updatedAt_createdAt_publishedAt_idx \(_status=\?\)/

describe('reader lists on SQLite', () => {
  it("a list's count reads the list index alone, not every post's row", async () => {
    const { findPublishedPosts } = await import('@/lib/data/posts')
    const plans = await postPlans(await statementsOf(payload, () => findPublishedPosts(null, 2)))
    const counts = plans.filter((p) => /count\(\*\)/.test(p.sql))
    expect(counts).toEqual([
      { sql: expect.any(String), plan: expect.stringMatching(LIST_INDEX), all: expect.any(String) },
    ])
  })

  it("the sitemap's newest change comes from the list index, and a file counts nothing", async () => {
    const { newestPostQuery, sliceQuery } = await import('@/lib/data/sitemap')
    const newest = await statementsOf(payload, async () => {
      const { docs, totalDocs } = await payload.find(newestPostQuery())
      expect({ newest: docs.map((d) => d.id), totalDocs }).toEqual({
        newest: [newestId],
        totalDocs: 15,
      })
    })
    for (const p of await postPlans(newest)) {
      expect({ sql: p.sql, plan: p.plan }).toEqual({
        sql: p.sql,
        plan: expect.stringMatching(LIST_INDEX),
      })
      expect(p.plan).not.toMatch(/TEMP B-TREE/)
    }
    const slice = await statementsOf(payload, async () => {
      const { docs } = await payload.find(sliceQuery('posts', 3, 5))
      expect(docs).toHaveLength(5)
    })
    expect(slice.filter((s) => /count/i.test(s.sql))).toEqual([])
  })

  it("a small category's posts are found through the category, not by walking every post", async () => {
    const { findPublishedPosts } = await import('@/lib/data/posts')
    const found = await statementsOf(payload, async () => {
      const { posts } = await findPublishedPosts({ categories: { contains: rareCategory } }, 1)
      expect(posts.map((p) => p.slug)).toEqual(['the-one-rare-post'])
    })
    for (const p of await postPlans(found, /"categories_id" = \?/)) {
      // Every step, the count's subquery too: the category's rows first, then their posts.
      expect({ sql: p.sql, all: p.all }).toEqual({
        sql: p.sql,
        all: expect.stringMatching(
          /SEARCH \S+ USING INDEX posts_rels_categories_id_idx \(categories_id=\?\); SEARCH posts USING INTEGER PRIMARY KEY/,
        ),
      })
    }
  })
})
