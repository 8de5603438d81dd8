import { writeFileSync } from 'node:fs'

/** Tells scripts/run.mjs this script got to its end (so an early, silent exit is retried). */
const markFinished = (): void => {
  if (process.env.INKWELL_RUN_DONE) writeFileSync(process.env.INKWELL_RUN_DONE, '')
}

/**
 * Runs a script's main function to the end: marks it finished and exits 0, or prints the
 * failure (as `describe` words it, by default the error itself) and exits 1.
 */
export const runScript = (
  main: () => Promise<void>,
  describe: (error: unknown) => string = (error) =>
    error instanceof Error ? (error.stack ?? error.message) : String(error),
): void => {
  main().then(
    () => {
      markFinished()
      process.exit(0)
    },
    (error: unknown) => {
      process.stderr.write(`${describe(error)}\n`)
      process.exit(1)
    },
  )
}
