/**
 * Waiting for another process's write lock without stopping the server, and without losing
 * what is written after the wait. Three facts about SQLite through libsql 0.4 shape it:
 *
 * - The driver is synchronous: while SQLite waits for a lock (busy_timeout), the whole event
 *   loop waits, and every reader with it, cached pages included.
 * - A statement the driver gave up on with SQLITE_BUSY is never reset, so its connection stays
 *   inside a transaction until the garbage collector finalizes that statement: whatever is
 *   written on the connection meanwhile is answered as done but not committed, unseen by other
 *   processes and lost if the server stops (tests/int/storageFaults found it).
 * - A connection SQLite has opened keeps one file descriptor until the process ends (SQLite
 *   defers the close while the process holds locks on the file), so connections must not be
 *   replaced often.
 *
 * So: SQLite itself waits BUSY_SYNC_WAIT_MS, far longer than any ordinary write holds the lock
 * (a few milliseconds: Payload writes statement by statement), so ordinary contention between
 * instances, the worker and scripts never fails. A lock held past that (a long transaction in
 * another process) fails one statement: its connection is left to the collector, without a
 * rollback, so anything that slipped onto it is committed when the statement is finalized, and a
 * fresh connection takes over. Then, until a write gets through, writes wait without blocking:
 * one at a time and at most once a second, one of them tries the lock; the others wait for it,
 * and each gives up after BUSY_BUDGET_MS with its SQLITE_BUSY, answered 503 (see
 * hooks/answerStorageFailure). Reads go on meanwhile: in WAL mode they never wait for writers.
 *
 * Retrying a write is safe because Payload runs SQLite without transactions here (each statement
 * commits on its own) and a statement refused with SQLITE_BUSY changed nothing; a batch is rolled
 * back as a whole by the driver before its error reaches us.
 */
export const BUSY_SYNC_WAIT_MS = 250
export const BUSY_BUDGET_MS = 5000
/** While the lock is held, how often one waiting write tries it. */
export const BUSY_SCOUT_EVERY_MS = 1000

type Statement = string | { sql: string; args?: unknown }
/** The part of a libsql client the adapter and Drizzle use. */
export type SqlClient = {
  execute: (statement: Statement, args?: unknown) => Promise<unknown>
  batch: (statements: Statement[], mode?: unknown) => Promise<unknown>
  migrate: (statements: Statement[]) => Promise<unknown>
  executeMultiple: (sql: string) => Promise<unknown>
  transaction: (mode?: unknown) => Promise<unknown>
  close: () => void
}

export const isBusy = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { code?: unknown }).code === 'string' &&
  /^SQLITE_BUSY(_|$)/.test((error as { code: string }).code)

const sqlOf = (statement: Statement) => (typeof statement === 'string' ? statement : statement.sql)
/** Drizzle's reads start with select; a pragma that sets nothing only reads too. */
const isRead = (statement: Statement) =>
  /^\s*(select\b|pragma\s+\w+\s*;?\s*$)/i.test(sqlOf(statement))
const SETTING = /^\s*pragma\s+(\w+)\s*=\s*([\w-]+)\s*;?\s*$/i

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

const WRAPPED = Symbol.for('inkwell.busyRetry')

/**
 * Makes `client` (the adapter's, which Drizzle holds) run every statement on a connection of ours
 * from `open`, replaced as described above. Per-connection settings (synchronous, foreign_keys,
 * whatever a statement set with `PRAGMA name = value`) carry over to a replacement.
 */
export const retryWhenBusy = async <C extends SqlClient>(
  client: C,
  open: () => SqlClient,
  {
    syncWaitMs = BUSY_SYNC_WAIT_MS,
    budgetMs = BUSY_BUDGET_MS,
    scoutEveryMs = BUSY_SCOUT_EVERY_MS,
  } = {},
): Promise<C> => {
  const marked = client as C & { [WRAPPED]?: true }
  // A dev server's hot reload connects again with the same client.
  if (marked[WRAPPED]) return client
  marked[WRAPPED] = true
  const own = {
    execute: client.execute.bind(client),
    close: client.close.bind(client),
  }
  const settings = new Map<string, string>()
  for (const name of ['synchronous', 'foreign_keys']) {
    const { rows } = (await own.execute(`PRAGMA ${name}`)) as { rows: Record<string, unknown>[] }
    settings.set(name, String(rows[0]?.[name]))
  }

  const fresh = async () => {
    const connection = open()
    await connection.execute(`PRAGMA busy_timeout = ${syncWaitMs}`)
    for (const [name, value] of settings) await connection.execute(`PRAGMA ${name} = ${value}`)
    return connection
  }
  // A promise, so that a replacement is in place the moment it is asked for: nothing may use the
  // stuck connection while the new one is being set up.
  let current = fresh()
  await current
  // The adapter's own connection is not used again.
  own.close()

  /** While another process holds the lock: when the next write may try it. */
  let episode: { nextTryAt: number } | null = null
  // One write at a time, each settled (and a stuck connection replaced) before the next starts:
  // SQLite runs one connection's statements one after another anyway, and a write issued while
  // another fails would otherwise land on the stuck connection.
  let writes: Promise<unknown> = Promise.resolve()
  const oneAtATime = <T>(attempt: () => Promise<T>): Promise<T> => {
    const result = writes.then(attempt)
    writes = result.catch(() => undefined)
    return result
  }

  type Outcome<T> = { value: T } | { error: unknown } | { busy?: unknown }
  const write = async <T>(run: (connection: SqlClient) => Promise<T>): Promise<T> => {
    const deadline = Date.now() + budgetMs
    for (;;) {
      const outcome: Outcome<T> = await oneAtATime(async () => {
        if (episode && Date.now() < episode.nextTryAt) return {}
        const used = current
        try {
          const value = await run(await used)
          episode = null
          return { value }
        } catch (error) {
          if (!isBusy(error)) return { error }
          // That connection is stuck: left to the collector, not rolled back (see above).
          if (used === current) current = fresh()
          episode = { nextTryAt: Date.now() + scoutEveryMs }
          return { busy: error }
        }
      })
      if ('value' in outcome) return outcome.value
      if ('error' in outcome) throw outcome.error
      if (Date.now() >= deadline) throw outcome.busy ?? busyError()
      await pause(Math.min(50, deadline - Date.now()))
    }
  }

  const remember = (statement: Statement) => {
    const setting = SETTING.exec(sqlOf(statement))
    if (setting && setting[1]!.toLowerCase() !== 'busy_timeout') {
      settings.set(setting[1]!.toLowerCase(), setting[2]!)
    }
  }

  Object.assign(client, {
    execute: async (statement: Statement, args?: unknown) => {
      remember(statement)
      return isRead(statement)
        ? (await current).execute(statement, args)
        : write((c) => c.execute(statement, args))
    },
    batch: (statements: Statement[], mode?: unknown) => write((c) => c.batch(statements, mode)),
    migrate: async (statements: Statement[]) => (await current).migrate(statements),
    executeMultiple: async (sql: string) => (await current).executeMultiple(sql),
    transaction: async (mode?: unknown) => (await current).transaction(mode),
    close: () => void current.then((c) => c.close()),
  })
  return client
}

const busyError = () =>
  Object.assign(new Error('SQLITE_BUSY: the database is locked by another process'), {
    code: 'SQLITE_BUSY',
  })
