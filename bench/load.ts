import autocannon from 'autocannon'

export type LoadResult = {
  /** Mean requests per second over the run. */
  rps: number
  /** Latency percentiles in milliseconds. */
  p50: number
  p99: number
  requests: number
  /** Responses that were not 2xx, plus socket errors and timeouts. */
  failures: number
}

/** One autocannon run against a target; resolves with the figures the table shows. */
export const load = async (options: autocannon.Options): Promise<LoadResult> => {
  const result = await autocannon({ connections: 20, ...options })
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  }
}
