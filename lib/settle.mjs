// @ts-check
/**
 * When a change is acted on again after it is made, in milliseconds. A page render that read the
 * old content just before the change can finish just after it, and Next stores that render as
 * fresh (it dates a cache entry by when it was stored, not by when its data was read); an
 * instance that has not heard of the change yet can answer the edge with its old page. Expiring
 * and purging again once such renders have finished makes the page render from the new content;
 * without it the stale copy would stay until the next change. Measured by `npm run bench`,
 * after a flood.
 */
export const SETTLE_EXPIRY_MS = [1_000, 5_000]

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `step` now, then again after each settle delay; `again` is false the first time.
 * @param {(again: boolean) => unknown} step
 */
export const repeatWhileSettling = async (step) => {
  await step(false)
  let waited = 0
  for (const delay of SETTLE_EXPIRY_MS) {
    await sleep(delay - waited)
    waited = delay
    await step(true)
  }
}
