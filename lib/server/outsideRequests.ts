/**
 * Runs `fn` in the process's own async context rather than the request's, so that timers it sets
 * (a memory counter's expiry) do not keep the request alive (scripts/outsideRequests.mjs says
 * why). Where nothing installed the runner (`next dev`, a script), `fn` runs as it is.
 */
const KEY = Symbol.for('inkwell.outsideRequests')

export const outsideRequests = <T>(fn: () => T): T => {
  const run = (globalThis as { [KEY]?: (fn: () => T) => T })[KEY]
  return run ? run(fn) : fn()
}
