import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { type Client, createClient } from '@libsql/client'

import { type SqlClient, retryWhenBusy } from '@/lib/server/busyRetry'
import { STAFF_STORAGE_MESSAGES, storageFailureOf } from '@/lib/server/storageFailure'

describe('storageFailureOf', () => {
  const wrapped = (code: unknown) => ({
    message: 'Failed query',
    cause: { name: 'LibsqlError', code, cause: new Error('underneath') },
  })

  it.each([
    ['SQLITE_FULL', 'full'],
    ['SQLITE_READONLY', 'unwritable'],
    ['SQLITE_READONLY_DBMOVED', 'unwritable'],
    ['SQLITE_IOERR_WRITE', 'unwritable'],
    ['SQLITE_CANTOPEN', 'unwritable'],
    ['SQLITE_BUSY', 'busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'busy'],
    [14031, 'full'],
    [10107, 'unwritable'],
  ])('reads %s, however deep the driver error is wrapped, as %s', (code, failure) => {
    expect(storageFailureOf(wrapped(code))).toBe(failure)
    expect(storageFailureOf({ originalError: wrapped(code) })).toBe(failure)
  })

  it('reads an unreachable MongoDB as unreachable', () => {
    expect(storageFailureOf({ name: 'MongoServerSelectionError' })).toBe('unreachable')
  })

  it.each([
    ['a constraint', wrapped('SQLITE_CONSTRAINT_UNIQUE')],
    ['a prefix that only looks alike', wrapped('SQLITE_FULLNESS')],
    ['a plain error', new Error('boom')],
    ['nothing', undefined],
    ['a string', 'SQLITE_FULL'],
  ])('is null for %s', (_, error) => {
    expect(storageFailureOf(error)).toBeNull()
  })

  it('stops on a cycle', () => {
    const a: Record<string, unknown> = { code: 'X' }
    a.cause = { cause: a }
    expect(storageFailureOf(a)).toBeNull()
  })
})

/** Two connections to one real SQLite file, as the server and an import script would have. */
describe('retryWhenBusy on a real SQLite file', () => {
  let dir: string
  let server: Client
  let other: Client
  let reader: Client
  const url = () => `file:${path.join(dir, 'db.sqlite')}`
  const count = async (client: Client) =>
    Number((await client.execute('select count(*) as n from t')).rows[0]!.n)
  const fds = () => readdirSync('/proc/self/fd').length
  const wrap = (options: Parameters<typeof retryWhenBusy>[2]) =>
    retryWhenBusy(
      server as unknown as SqlClient,
      () => createClient({ url: url() }) as unknown as SqlClient,
      options,
    )

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'inkwell-busy-'))
    server = createClient({ url: url() })
    await server.execute('PRAGMA journal_mode = WAL')
    await server.execute('create table t (id integer primary key, v text)')
    other = createClient({ url: url() })
    reader = createClient({ url: url() })
  })
  afterEach(() => {
    for (const c of [server, other, reader]) c.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const insert = (client: Client, v: string) =>
    client.execute({ sql: 'insert into t (v) values (?) returning id', args: [v] })

  it('waits for a lock released within the budget, and the write is committed', async () => {
    await wrap({ budgetMs: 3000, syncWaitMs: 20, scoutEveryMs: 100 })
    const lock = await other.transaction('write')
    setTimeout(() => void lock.rollback(), 400)
    await insert(server, 'after the wait')
    expect(await count(reader)).toBe(1)
  })

  it('gives up with SQLITE_BUSY after the budget, and what is written next is committed', async () => {
    await wrap({ budgetMs: 300, syncWaitMs: 20, scoutEveryMs: 100 })
    const lock = await other.transaction('write')
    await expect(insert(server, 'refused')).rejects.toMatchObject({ code: 'SQLITE_BUSY' })
    await lock.rollback()
    await insert(server, 'next')
    // On the connection the refused statement left stuck, this write would stay inside a
    // transaction: acknowledged, yet no other connection sees it.
    expect(await count(reader)).toBe(1)
  })

  it('lets reads through and keeps the event loop turning while many writes wait', async () => {
    await wrap({ budgetMs: 1000, syncWaitMs: 50, scoutEveryMs: 200 })
    await insert(server, 'before')
    const lock = await other.transaction('write')
    let ticks = 0
    const timer = setInterval(() => (ticks += 1), 20)
    const writes = Array.from({ length: 10 }, (_, i) => insert(server, `waiting ${i}`))
    const started = Date.now()
    expect(await count(server)).toBe(1)
    expect(Date.now() - started).toBeLessThan(500)
    const results = await Promise.allSettled(writes)
    clearInterval(timer)
    await lock.rollback()
    expect(results.every((r) => r.status === 'rejected')).toBe(true)
    // About 50 ticks in that second if only the tries block (50 ms each, one per 200 ms); close
    // to none if every waiting write held the loop for its own wait.
    expect(ticks).toBeGreaterThan(25)
  })

  it('opens few connections however many writes wait (each keeps a file open for good)', async () => {
    await wrap({ budgetMs: 1000, syncWaitMs: 20, scoutEveryMs: 200 })
    const before = fds()
    const lock = await other.transaction('write')
    await Promise.allSettled(Array.from({ length: 20 }, (_, i) => insert(server, `w${i}`)))
    await lock.rollback()
    // One replacement for the first refusal, then one per try: about 6 in the second.
    expect(fds() - before).toBeLessThanOrEqual(2 * 8)
  })

  it('gives a replacement connection the settings of the one it replaces', async () => {
    await server.execute('PRAGMA synchronous = NORMAL')
    await wrap({ budgetMs: 100, syncWaitMs: 10, scoutEveryMs: 50 })
    await server.execute('PRAGMA foreign_keys = OFF')
    const lock = await other.transaction('write')
    await expect(insert(server, 'refused')).rejects.toMatchObject({ code: 'SQLITE_BUSY' })
    await lock.rollback()
    expect((await server.execute('PRAGMA synchronous')).rows[0]!.synchronous).toBe(1)
    expect((await server.execute('PRAGMA foreign_keys')).rows[0]!.foreign_keys).toBe(0)
    expect((await server.execute('PRAGMA busy_timeout')).rows[0]!.timeout).toBe(10)
  })

  it('does not retry other errors', async () => {
    await wrap({ budgetMs: 2000, syncWaitMs: 10, scoutEveryMs: 50 })
    const started = Date.now()
    await expect(server.execute('insert into missing values (1)')).rejects.toMatchObject({
      code: 'SQLITE_ERROR',
    })
    expect(Date.now() - started).toBeLessThan(500)
  })
})

describe('what staff are told', () => {
  it.each(Object.entries(STAFF_STORAGE_MESSAGES))(
    'for %s, is one sentence the dashboard shows whole (no colon or comma to split it at)',
    (_, message) => {
      expect(message).toMatch(/^This change may not have been saved because /)
      expect(message).not.toMatch(/[:,]/)
    },
  )
})
