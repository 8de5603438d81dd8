import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { repairLatestVersions } from '@/lib/server/repairVersions'

import { createTestPost } from '../support/posts'
import { standalonePayload } from '../support/server'

/**
 * A save killed between storing its new version and unmarking the old one leaves two versions
 * marked latest (the crash drill caught one); at start-up the newest keeps the mark.
 */
const mongo = Boolean(process.env.TEST_MONGODB_URI)
const describeSqlite = mongo ? describe.skip : describe

let payload: Payload
let cleanup: () => Promise<void>

type Run = { run: (query: unknown) => Promise<{ rows?: unknown[][] }> }
const drizzle = () => (payload.db as unknown as { drizzle: Run }).drizzle

describeSqlite('repairLatestVersions', () => {
  beforeAll(async () => {
    ;({ payload, cleanup } = await standalonePayload())
  }, 180_000)
  afterAll(async () => {
    await cleanup?.()
  })

  it('leaves only the newest version of each post marked latest', async () => {
    const post = await createTestPost(payload, 'live', 'Saved twice')
    await payload.update({
      collection: 'posts',
      id: post.id,
      data: { title: 'Saved twice, again' },
    })
    // As a crash between the two statements of the second save leaves it.
    await drizzle().run(sql`UPDATE _posts_v SET latest = 1 WHERE parent_id = ${post.id}`)
    const latest = async () =>
      (
        await payload.findVersions({
          collection: 'posts',
          where: { and: [{ parent: { equals: post.id } }, { latest: { equals: true } }] },
          depth: 0,
        })
      ).docs.map((v) => (v.version as { title: string }).title)
    expect((await latest()).length).toBeGreaterThan(1)
    expect(await repairLatestVersions(payload)).toBeGreaterThan(0)
    expect(await latest()).toEqual(['Saved twice, again'])
    expect(await repairLatestVersions(payload)).toBe(0)
  })
})
