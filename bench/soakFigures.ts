// The arithmetic of `npm run soak` (bench/soak.ts), kept apart so a unit test covers it.

export type RssSample = { atMs: number; rssMb: number }

/** Reads VmRSS (kB) from the text of /proc/<pid>/status, in MB; undefined when it is missing. */
export const rssMbFromStatus = (status: string): number | undefined => {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : undefined
}

/**
 * The heap still in use after a full collection, from the server's `inkwell-heap` log lines
 * (scripts/heapLog.mjs), as samples in the RSS samples' shape, timed from `t0Epoch` (ms).
 */
export const heapSamplesFromLogs = (logs: string, t0Epoch: number): RssSample[] =>
  [...logs.matchAll(/^inkwell-heap (\{.*\})$/gm)].flatMap((m) => {
    try {
      const { at, heapUsedMb } = JSON.parse(m[1]!) as { at?: unknown; heapUsedMb?: unknown }
      if (typeof at !== 'number' || typeof heapUsedMb !== 'number' || at < t0Epoch) return []
      return [{ atMs: at - t0Epoch, rssMb: heapUsedMb }]
    } catch {
      return []
    }
  })

/**
 * How fast memory grew, in MB per minute: the least-squares slope through the samples taken at
 * or after `fromMs` (the second half of the run). Null with fewer than two such samples.
 */
export const growthPerMinute = (samples: RssSample[], fromMs = 0): number | null => {
  const points = samples.filter((s) => s.atMs >= fromMs)
  if (points.length < 2) return null
  const n = points.length
  const meanX = points.reduce((sum, p) => sum + p.atMs, 0) / n
  const meanY = points.reduce((sum, p) => sum + p.rssMb, 0) / n
  let num = 0
  let den = 0
  for (const p of points) {
    num += (p.atMs - meanX) * (p.rssMb - meanY)
    den += (p.atMs - meanX) ** 2
  }
  if (den === 0) return null
  return Math.round((num / den) * 60_000 * 100) / 100
}

/** The median of some numbers (undefined for none). */
export const median = (values: number[]): number | undefined => {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** `--minutes N` from the arguments (fractions allowed), else the default. */
export const minutesFrom = (argv: string[], fallback = 10): number => {
  const i = argv.indexOf('--minutes')
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--minutes='))?.slice(10)
  if (raw === undefined) return fallback
  const minutes = Number(raw)
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new Error(`--minutes wants a positive number of minutes, not "${raw}".`)
  }
  return minutes
}
