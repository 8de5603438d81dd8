import type { Payload } from 'payload'

/**
 * The app's side of scripts/shutdown.mjs. The state is an object on globalThis that `npm start`
 * creates: under `npm run dev`, the payload CLI or a test's own Payload there is none, so nothing
 * is ever shutting down and nothing registered here runs.
 */
type ShutdownState = {
  shuttingDown: boolean
  closers: Array<(deadline: number) => Promise<void>>
}

const stateOf = (): ShutdownState | undefined =>
  (globalThis as Record<symbol, ShutdownState | undefined>)[Symbol.for('inkwell.shutdown')]

/** True once `npm start` has been told to stop: readiness answers 503 from then on. */
export const isShuttingDown = (): boolean => stateOf()?.shuttingDown === true

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Registers, for `npm start`'s shutdown, the end of this Payload: its jobs runner takes no new
 * run and the one under way may finish (until the deadline), then the database is closed.
 */
export const closeOnShutdown = (payload: Payload): void => {
  const state = stateOf()
  if (!state) return
  state.closers.push(async (deadline) => {
    const crons = [...payload.crons]
    crons.forEach((cron) => cron.stop())
    while (crons.some((cron) => cron.isBusy()) && Date.now() < deadline) await pause(100)
    if (crons.some((cron) => cron.isBusy())) payload.logger.warn('Shutdown: a job run was cut off.')
    await payload.destroy()
    // Drizzle's destroy forgets the SQLite connection without closing it.
    ;(payload.db as { client?: { close?: () => void } }).client?.close?.()
  })
}
