// Graceful shutdown for scripts/serve.mjs. On SIGTERM (a container stopping, a deploy) or SIGINT
// (Ctrl-C) the server stops accepting connections at once, so a load balancer or Varnish moves
// on, lets the requests it is answering finish, within SHUTDOWN_TIMEOUT_MS (default 10 s), then
// runs what the app registered (lib/server/shutdown.ts: the jobs runner finishes its job, the
// database closes) and exits 0. A second signal exits at once, with 130 (SIGINT) or 143 (SIGTERM).

const STATE = Symbol.for('inkwell.shutdown')
const DEFAULT_TIMEOUT_MS = 10_000

/**
 * What this process and the app bundled by Next share: one object on globalThis, since Next
 * loads the app's modules apart from this script's. `shuttingDown` makes readiness answer 503;
 * `closers` are run, in order, once the last request has finished.
 * @returns {{ shuttingDown: boolean, closers: Array<(deadline: number) => Promise<void>> }}
 */
export const shutdownState = () => {
  const holder = /** @type {Record<symbol, any>} */ (globalThis)
  holder[STATE] ??= { shuttingDown: false, closers: [] }
  return holder[STATE]
}

/** SHUTDOWN_TIMEOUT_MS as a number of milliseconds, the default when unset or not a number. */
export const shutdownTimeoutMs = (value = process.env.SHUTDOWN_TIMEOUT_MS) => {
  const ms = Number(value)
  return value && Number.isFinite(ms) && ms >= 0 ? ms : DEFAULT_TIMEOUT_MS
}

/**
 * An answer whose head goes out once shutdown has begun (a request in flight, or one that came
 * on a connection kept alive) says `Connection: close`, so no connection outlives its request.
 * @param {import('node:http').ServerResponse} res
 */
export const closeWhenShuttingDown = (res) => {
  const state = shutdownState()
  const writeHead = res.writeHead
  res.writeHead = function (...args) {
    if (state.shuttingDown) this.setHeader('connection', 'close')
    return writeHead.apply(this, /** @type {any} */ (args))
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)).unref())

/**
 * Returns the signal handler for `server`. While it waits, connections left idle are closed, so
 * none holds the process open (answers close theirs: closeWhenShuttingDown).
 * @param {import('node:http').Server} server
 * @param {{ timeoutMs?: number, log?: (line: string) => void, exit?: (code: number) => void }} [options]
 */
export const gracefulShutdown = (server, options = {}) => {
  const { timeoutMs = shutdownTimeoutMs(), log = console.log, exit = process.exit } = options
  const state = shutdownState()
  return async (/** @type {string} */ signal) => {
    if (state.shuttingDown) {
      // Forced: the exit status says so, as a shell's does for a signal (128 + its number).
      log(`${signal} again: exiting now.`)
      return exit(signal === 'SIGINT' ? 130 : 143)
    }
    state.shuttingDown = true
    const deadline = Date.now() + timeoutMs
    log(`${signal}: finishing requests in flight (up to ${timeoutMs} ms), taking no new ones.`)
    const closed = new Promise((resolve) => server.close(() => resolve(true)))
    const sweep = setInterval(() => server.closeIdleConnections(), 200)
    const finished = await Promise.race([closed, sleep(timeoutMs).then(() => false)])
    clearInterval(sweep)
    if (!finished) {
      log('Shutdown: requests still running at the time limit were cut off.')
      server.closeAllConnections()
    }
    for (const close of state.closers) {
      // A closer gets what is left of the time, and at least a second to close the database.
      const limit = Math.max(deadline - Date.now(), 1000)
      await Promise.race([close(deadline), sleep(limit)]).catch((error) =>
        log(`Shutdown: ${error instanceof Error ? error.message : String(error)}`),
      )
    }
    log('Shutdown complete.')
    exit(0)
  }
}
