import { writeFileSync } from 'node:fs'

/** Tells scripts/run.mjs this script got to its end (so an early, silent exit is retried). */
export const markFinished = (): void => {
  if (process.env.INKWELL_RUN_DONE) writeFileSync(process.env.INKWELL_RUN_DONE, '')
}
