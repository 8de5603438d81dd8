export type Check = { url: string; text: string }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Starts a change and polls each page until it shows the change; returns, per page, the
 * milliseconds from the start of the change to the first response that shows it.
 */
export const timeUntilVisible = async (
  change: () => Promise<unknown>,
  checks: Check[],
  timeoutMs = 15_000,
): Promise<number[]> => {
  const start = performance.now()
  const changed = change()
  // A change that fails is reported as itself, not as a page that never updated.
  const failed = changed.then(
    () => new Promise<never>(() => {}),
    (error: unknown) => Promise.reject(error),
  )
  const polled = Promise.all(
    checks.map(async ({ url, text }) => {
      while (performance.now() - start < timeoutMs) {
        const html = await (await fetch(url)).text()
        if (html.includes(text)) return Math.round(performance.now() - start)
        await sleep(5)
      }
      throw new Error(`${url} did not show "${text}" within ${timeoutMs} ms`)
    }),
  )
  const times = await Promise.race([polled, failed])
  await changed
  return times
}
