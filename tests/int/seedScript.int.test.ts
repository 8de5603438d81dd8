import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { TEST_STAFF, testEnv } from '../support/server'

// npm run seed, as an operator runs it, against a temp database of its own.
let dir: string
let env: Record<string, string>
let payload: Payload | undefined
const outputs: { code: number | null; output: string }[] = []

const seed = (args: string[], extraEnv: Record<string, string | undefined> = {}) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'seed', '--', ...args], {
      env: { ...process.env, ...env, NODE_OPTIONS: '', ...extraEnv },
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('close', (code) => resolve({ code, output }))
  })

/** What the database holds, read by a Payload of the test's own once the script is done. */
const counts = async () => {
  if (!payload) {
    Object.assign(process.env, env)
    const { getPayload } = await import('payload')
    const { default: config } = await import('@/payload.config')
    payload = await getPayload({ config })
  }
  const collections = ['users', 'authors', 'categories', 'tags', 'media', 'posts', 'comments']
  const entries = await Promise.all(
    collections.map(
      async (c) => [c, (await payload!.count({ collection: c as 'users' })).totalDocs] as const,
    ),
  )
  return Object.fromEntries(entries)
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inkwell-seed-'))
  env = testEnv(dir, false)
})

afterAll(async () => {
  await payload?.destroy()
  await rm(dir, { recursive: true, force: true })
})

describe('npm run seed', () => {
  it('refuses to run without the first admin’s email and password, and exits 1', async () => {
    const { code, output } = await seed([], { SEED_ADMIN_PASSWORD: '' })
    expect(code).toBe(1)
    expect(output).toContain(
      'Nothing was seeded: SEED_ADMIN_PASSWORD is not set. The first admin account is made from SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD.',
    )
    // Refused before the database was opened.
    if (env.DATABASE_URI?.startsWith('file:')) {
      expect(existsSync(path.join(dir, 'inkwell.db'))).toBe(false)
    }
  }, 60_000)

  it('creates the first admin and the site settings once; a second run adds nothing', async () => {
    outputs.push(await seed([]), await seed([]))
    expect(outputs.map((o) => o.code)).toEqual([0, 0])
    expect(outputs[0]!.output).toContain('Seeded: 1 users, 1 settings')
    expect(outputs[1]!.output).toContain('Seeded: nothing new')
  }, 240_000)

  it('with --demo adds the demo content once; a second run adds nothing', async () => {
    const first = await seed(['--demo'])
    const second = await seed(['--demo'])
    expect([first.code, second.code]).toEqual([0, 0])
    expect(first.output).toMatch(/Seeded: .*8 posts/)
    expect(second.output).toContain('Seeded: nothing new')
  }, 240_000)

  it('leaves the database with one of each: nothing doubled', async () => {
    expect(await counts()).toEqual({
      // The admin from SEED_ADMIN_*, and the demo's editor and moderator.
      users: 3,
      authors: 2,
      categories: 4,
      tags: 4,
      media: 9,
      posts: 8,
      comments: 5,
    })
    const { docs } = await payload!.find({
      collection: 'users',
      where: { email: { equals: TEST_STAFF.admin.email } },
    })
    expect(docs.map((u) => u.roles)).toEqual([['admin']])
    const settings = await payload!.findGlobal({ slug: 'site-settings' })
    expect(settings.tagline).toBe('Medical massage, aesthetics and wellness')
  }, 120_000)
})
