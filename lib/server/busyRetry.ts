/**
 * Waiting for another process's write lock without stopping the server, and without losing
 * what is written after the wait.
 *
 * - The SQLite driver is synchronous: with a long busy_timeout, a statement waiting for the lock
 *   (held by an import, a restore, a script) holds the whole event loop, and every reader waits
 *   with it, cached pages included. So SQLite itself waits only briefly (BUSY_SYNC_WAIT_MS) and
 *   a busy statement is tried again after an asynchronous pause, until BUSY_BUDGET_MS have
 *   passed; then its SQLITE_BUSY goes up to the caller (answered 503, hooks/answerStorageFailure).
 * - A statement the driver (libsql 0.4) gave up on with SQLITE_BUSY is never reset, so its
 *   connection stays inside a transaction until the garbage collector happens to finalize it:
 *   every write made on that connection meanwhile is answered as done but not committed, unseen
 *   by other processes and lost if the server stops (tests/int/storageFaults found it). After a
 *   busy error the connection is therefore handed off and closed by rolling back, and the client
 *   opens a fresh one.
 *
 * Retrying is safe because Payload runs SQLite without transactions here (each statement commits
 * on its own) and a statement refused with SQLITE_BUSY changed nothing; a batch is rolled back
 * as a whole by the driver before its error reaches us.
 */
export const BUSY_SYNC_WAIT_MS = 50
export const BUSY_BUDGET_MS = 5000

type Method = (...args: never[]) => Promise<unknown>
export type RetryableClient = {
  execute: Method
  batch: Method
  transaction: (mode: 'deferred') => Promise<{ close: () => void }>
}

export const isBusy = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { code?: unknown }).code === 'string' &&
  /^SQLITE_BUSY(_|$)/.test((error as { code: string }).code)

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** 10, 20, 40 … up to 200 ms, with jitter so two waiting statements do not wake together. */
const backoff = (attempt: number) => Math.min(10 * 2 ** attempt, 200) * (0.5 + Math.random() / 2)

export const retryWhenBusy = async <C extends RetryableClient>(
  client: C,
  { budgetMs = BUSY_BUDGET_MS, syncWaitMs = BUSY_SYNC_WAIT_MS } = {},
): Promise<C> => {
  const execute = client.execute.bind(client) as (sql: string) => Promise<unknown>
  // Settings SQLite keeps per connection, read from the one the adapter set up, so a
  // replacement gets the same durability (synchronous) as well as the short wait.
  const { rows } = (await execute('PRAGMA synchronous')) as { rows: { synchronous?: unknown }[] }
  const synchronous = Number(rows[0]?.synchronous ?? 2)
  const configure = async () => {
    await execute(`PRAGMA busy_timeout = ${syncWaitMs}`)
    await execute(`PRAGMA synchronous = ${synchronous}`)
  }
  /**
   * `transaction()` takes the current connection away from the client (which opens a new one
   * on its next statement); the rollback ends the transaction the failed statement left open.
   */
  const replaceConnection = async () => {
    ;(await client.transaction('deferred')).close()
    await configure()
  }
  await configure()
  for (const method of ['execute', 'batch'] as const) {
    const original = client[method].bind(client) as Method
    const retrying = async (...args: never[]) => {
      const deadline = Date.now() + budgetMs
      for (let attempt = 0; ; attempt++) {
        try {
          return await original(...args)
        } catch (error) {
          if (!isBusy(error)) throw error
          await replaceConnection()
          if (Date.now() >= deadline) throw error
          await pause(Math.min(backoff(attempt), Math.max(0, deadline - Date.now())))
        }
      }
    }
    client[method] = retrying as C[typeof method]
  }
  return client
}
