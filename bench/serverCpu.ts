import { readFileSync } from 'node:fs'

/**
 * A process's CPU time so far in milliseconds (user and system), on Linux; null elsewhere. Unlike
 * latency or req/s it hardly moves when other work shares the machine (the load generator runs
 * on the same two cores), so runs on a busy machine compare.
 */
export const cpuMs = (pid: number | undefined): number | null => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return null
  }
}

/** The CPU time `pid` spent per request while `run` sent `requests` of them, in ms. */
export const cpuPerRequest = async <T extends { requests: number }>(
  pid: number | undefined,
  run: () => Promise<T>,
): Promise<T & { serverMs: number | null }> => {
  const before = cpuMs(pid)
  const result = await run()
  const after = cpuMs(pid)
  const serverMs =
    before === null || after === null || result.requests === 0
      ? null
      : Math.round(((after - before) / result.requests) * 100) / 100
  return { ...result, serverMs }
}
