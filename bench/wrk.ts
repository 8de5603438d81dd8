import { spawn } from 'node:child_process'

/** What the edge bench keeps from one wrk run. */
export type WrkResult = {
  /** Requests per second over the whole run (wrk's "Requests/sec"). */
  rps: number
  /** 99th percentile latency in milliseconds (from `--latency`). */
  p99: number
  requests: number
  /** Responses wrk counts as errors: status 400 and above (despite its "Non-2xx or 3xx" label). */
  non2xx: number
  /** Connect, read and write errors and timeouts, added up. */
  socketErrors: number
}

const TIME_UNITS_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** A wrk duration such as `535.73us`, `1.50ms` or `2.00s`, in milliseconds. */
export const parseWrkTime = (value: string): number => {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(value.trim())
  if (!match) throw new Error(`Not a wrk duration: "${value}"`)
  return Number(match[1]) * TIME_UNITS_MS[match[2]!]!
}

const numberAfter = (output: string, pattern: RegExp, what: string): number => {
  const match = pattern.exec(output)
  if (!match) throw new Error(`wrk printed no ${what}:\n${output}`)
  return Number(match[1])
}

/** Reads the figures out of what `wrk --latency` prints; throws when a figure is missing. */
export const parseWrk = (output: string): WrkResult => {
  const p99 = /^\s*99%\s+(\S+)\s*$/m.exec(output)
  if (!p99) throw new Error(`wrk printed no 99th percentile (run it with --latency):\n${output}`)
  // wrk prints the socket errors and the error responses only when there are some.
  const sockets = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    output,
  )
  return {
    rps: Math.round(numberAfter(output, /^Requests\/sec:\s+([\d.]+)/m, 'Requests/sec')),
    p99: Math.round(parseWrkTime(p99[1]!) * 100) / 100,
    requests: numberAfter(output, /^\s*(\d+) requests in /m, 'request count'),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: sockets ? sockets.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  }
}

/**
 * Loads one URL with wrk (2 threads, 20 connections) and returns its figures. Any error
 * response or socket error fails the run: a figure made of errors would flatter the target.
 */
export const runWrk = async ({
  url,
  seconds,
  headers = {},
}: {
  url: string
  seconds: number
  headers?: Record<string, string>
}): Promise<WrkResult> => {
  const args = ['-t2', '-c20', `-d${seconds}s`, '--latency']
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`)
  const output = await new Promise<string>((resolve, reject) => {
    let text = ''
    const child = spawn('wrk', [...args, url], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (d) => (text += d))
    child.stderr.on('data', (d) => (text += d))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}:\n${text}`)),
    )
  })
  const result = parseWrk(output)
  if (result.non2xx || result.socketErrors) {
    throw new Error(
      `wrk ${url}: ${result.non2xx} error responses, ${result.socketErrors} socket errors:\n${output}`,
    )
  }
  return result
}
