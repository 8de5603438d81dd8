export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until the check passes; resolves with how long that took, in milliseconds. */
export const timeUntil = async (
  check: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<number> => {
  const start = performance.now()
  while (performance.now() - start < timeoutMs) {
    if (await check()) return performance.now() - start
    await sleep(20)
  }
  throw new Error(`not seen within ${timeoutMs} ms`)
}
