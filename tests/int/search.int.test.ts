import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { searchFilters } from '@/lib/search/query'
import { queryWords } from '@/lib/search/words'
import { indexPostsForSearch } from '@/lib/server/searchBackfill'
import { journalEntries, updatePostOutsideSaves } from '@/lib/server/saveJournal'
import { document } from '@/tools/seed/lexical'

import { type TestServer, getHtml, withTestSite } from '../support/server'
import { queryPlan, statementsOf } from '../support/sqlitePlans'

// Search over HTTP as readers use it: whole words, any case, singular or plural, every word of
// the query; the words of posts saved before search kept them are added at start-up; and on
// SQLite the lookup goes through the index of posts' words, not through every post.

let server: TestServer
let payload: Payload
// The server notes each database operation here ("count posts"), for the test of what it counts.
const queryLog = path.join(tmpdir(), `inkwell-search-queries-${process.pid}.log`)
withTestSite({ seed: false, serverOnlyEnv: { INKWELL_QUERY_LOG: queryLog } }, (site) => {
  ;({ server, payload } = site)
})
afterAll(() => rm(queryLog, { force: true }))

const text = (body: string) => document([{ type: 'p', text: body }], () => 0) as never
const search = (q: string) => getHtml(`${server.url}/search?q=${encodeURIComponent(q)}`)
const found = async (q: string) =>
  [...(await search(q)).matchAll(/class="search-result__title"><a href="\/posts\/([^"]+)"/g)].map(
    (m) => m[1],
  )

const post = (title: string, body: string, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'posts',
    data: { title, _status: 'published', content: text(body), ...extra },
  })

describe('search', () => {
  beforeAll(async () => {
    await post(
      'Gentle stretches for desk workers',
      'Hold each stretch in a doorway. Café breaks help.',
      {
        slug: 'gentle-stretches',
        excerpt: 'Therapies for aches at work.',
      },
    )
    await post('Knee recovery', 'After surgery the knee needs patient massage.', {
      slug: 'knee-recovery',
    })
    await post('Massage myths', 'Massages do not flush toxins.', { slug: 'massage-myths' })
  })

  it('finds whole words in title, excerpt and text, any case, singular or plural, and marks them', async () => {
    expect(await found('STRETCH')).toEqual(['gentle-stretches'])
    expect(await found('doorways')).toEqual(['gentle-stretches'])
    expect(await found('therapy ache')).toEqual(['gentle-stretches'])
    expect(await found('cafe')).toEqual(['gentle-stretches'])
    expect((await found('massage')).sort()).toEqual(['knee-recovery', 'massage-myths'])
    const html = await search('stretch')
    expect(html).toContain('<mark>stretches</mark>')
    expect(html).toContain('<mark>stretch</mark>')
  })

  it('needs every word, and a part of a word is not the word', async () => {
    expect(await found('massage knees')).toEqual(['knee-recovery'])
    expect(await found('massage xylophone')).toEqual([])
    expect(await found('tretch')).toEqual([])
    expect(await search('massage xylophone')).toContain('No posts found.')
  })

  it('counts the posts with each word once until a post changes, not once per search', async () => {
    const counted = async () =>
      (await readFile(queryLog, 'utf8')).split('\n').filter((line) => line === 'count posts').length
    await found('massage knees')
    const before = await counted()
    // "massage" was counted for the search before; only "breaks" is new.
    expect(await found('breaks massage')).toEqual([])
    expect((await counted()) - before).toBe(1)
  })

  it('finds a post by its new words once it is edited, and no longer by its old ones', async () => {
    const { docs } = await payload.find({
      collection: 'posts',
      where: { slug: { equals: 'massage-myths' } },
      limit: 1,
    })
    await payload.update({
      collection: 'posts',
      id: docs[0]!.id,
      data: { content: text('Lymphatic drainage explained.') },
    })
    expect(await found('lymphatic')).toEqual(['massage-myths'])
    expect(await found('toxins')).toEqual([])
  })

  it('keeps a newer draft’s words out of search until it is published', async () => {
    const live = await post('Posture basics', 'Sit tall.', { slug: 'posture-basics' })
    await payload.update({
      collection: 'posts',
      id: live.id,
      draft: true,
      data: { content: text('Sit tall, says the zebrafinch.') },
    })
    expect(await found('zebrafinch')).toEqual([])
    expect(await found('posture')).toEqual(['posture-basics'])
  })

  it('the start-up pass gives posts saved before search kept words their words, changing nothing else', async () => {
    const old = await post('Ankle taping', 'Tape the ankle firmly before hiking.', {
      slug: 'ankle-taping',
    })
    // As a post saved by an earlier version of inkwell: no words stored.
    await updatePostOutsideSaves(payload, {
      id: old.id,
      data: { searchWords: [], searchWordList: null },
    })
    expect(await found('hiking')).toEqual([])
    const versions = async () =>
      (await payload.countVersions({ collection: 'posts', where: { parent: { equals: old.id } } }))
        .totalDocs
    const before = await versions()
    const stored = await payload.findByID({ collection: 'posts', id: old.id, depth: 0 })

    expect(await indexPostsForSearch(payload)).toBe(1)
    expect(await indexPostsForSearch(payload)).toBe(0)
    // Not a save: nothing is left in the save journal for a later start to undo.
    expect(await journalEntries(payload)).toEqual([])

    const after = await payload.findByID({ collection: 'posts', id: old.id, depth: 0 })
    expect(after.searchWords).toEqual(expect.arrayContaining(['ankl', 'tap', 'hiking']))
    expect(after.title).toBe('Ankle taping')
    expect(after.updatedAt).toBe(stored.updatedAt)
    expect(await versions()).toBe(before)
    // The search answers are cached until a post changes; a new post changes them.
    await post('Unrelated', 'Nothing here.')
    expect(await found('hiking ankle')).toEqual(['ankle-taping'])
  })
})

// Asked of SQLite itself: the statements Payload sends for a search, and how SQLite runs them.
const sqliteOnly = process.env.TEST_MONGODB_URI ? describe.skip : describe
sqliteOnly('a search on SQLite', () => {
  it('reads the posts that have the rarest word through the words index, not every post', async () => {
    for (let i = 0; i < 40; i++) await post(`Filler ${i}`, `Massage note ${i}.`)
    await post('Kneecap care', 'Massage around the kneecap.', { slug: 'kneecap-care' })
    // Imported here, not at the top: lib/data loads the Payload config, which must first see
    // the test database's address (set as the site starts).
    const { publishedPosts } = await import('@/lib/data/posts')
    const seen = await statementsOf(payload, async () => {
      const words = queryWords('massage kneecap')
      const result = await payload.find({
        ...publishedPosts(...searchFilters(words, 'kneecap')),
        sort: '-publishedAt',
        limit: 6,
        depth: 0,
      })
      expect(result.docs.map((d) => d.slug)).toEqual(['kneecap-care'])
    })
    // The statements that look posts up by a word: the page of posts and their count.
    const lookups = seen.filter((s) => /"text" = \?/.test(s.sql))
    expect(lookups.length).toBeGreaterThanOrEqual(2)
    for (const statement of lookups) {
      const plan = (await queryPlan(payload, statement)).all
      expect(plan).toMatch(/USING (COVERING )?INDEX posts_texts_text_idx \(text=\?\)/)
      expect(plan).not.toMatch(/SCAN "?posts"?( |;|$)/)
    }
  })
})
