import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import type { DatabaseAdapterObj, Payload } from 'payload'

import { firstLoadJs } from '@/bench/firstLoadJs'
import { withQueryLog } from '@/lib/server/queryLog'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inkwell-bench-tools-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('firstLoadJs', () => {
  it('adds up the gzipped scripts a page loads and skips legacy nomodule polyfills', async () => {
    await mkdir(path.join(dir, 'static/chunks'), { recursive: true })
    const app = 'console.log("app");'.repeat(200)
    const runtime = 'var runtime = 1;'.repeat(50)
    await writeFile(path.join(dir, 'static/chunks/app.js'), app)
    await writeFile(path.join(dir, 'static/chunks/runtime.js'), runtime)
    await writeFile(path.join(dir, 'static/chunks/polyfills.js'), 'x'.repeat(100_000))
    const html = `<html><head>
      <script src="/_next/static/chunks/app.js" async=""></script>
      <script src="/_next/static/chunks/runtime.js" async=""></script>
      <script src="/_next/static/chunks/app.js" async=""></script>
      <script src="/_next/static/chunks/polyfills.js" noModule=""></script>
      <script>self.__next_f.push([1,"inline"])</script>
    </head></html>`

    const result = await firstLoadJs(html, dir)

    const expected = gzipSync(app, { level: 9 }).length + gzipSync(runtime, { level: 9 }).length
    expect(result.files.map((f) => f.file).sort()).toEqual([
      '/_next/static/chunks/app.js',
      '/_next/static/chunks/runtime.js',
    ])
    expect(result.gzipKb).toBeCloseTo(expected / 1024, 1)
  })
})

describe('withQueryLog', () => {
  // A stand-in adapter: the wrapper only needs init() to return an object of operations.
  const adapter = (): DatabaseAdapterObj =>
    ({
      name: 'fake',
      defaultIDType: 'number',
      init: () => ({
        name: 'fake',
        find: async () => ({ docs: [] }),
        findGlobal: async () => ({}),
        connect: async () => undefined,
      }),
    }) as unknown as DatabaseAdapterObj

  it('returns the adapter untouched when no log file is named', () => {
    const original = adapter()
    expect(withQueryLog(original, undefined)).toBe(original)
  })

  it('writes one line per data operation and none for lifecycle calls', async () => {
    const logFile = path.join(dir, 'queries.log')
    const db = withQueryLog(adapter(), logFile).init({ payload: {} as Payload }) as unknown as {
      find: (a: object) => Promise<unknown>
      findGlobal: (a: object) => Promise<unknown>
      connect: () => Promise<unknown>
    }
    await expect(db.find({ collection: 'posts' })).resolves.toEqual({ docs: [] })
    await db.findGlobal({ slug: 'site-settings' })
    await db.connect()
    expect((await readFile(logFile, 'utf8')).trim().split('\n')).toEqual([
      'find posts',
      'findGlobal site-settings',
    ])
  })
})
