import { nginxConfig } from '@/bench/nginx'
import { parseWrk, parseWrkTime } from '@/bench/wrk'

// What wrk 4.1 prints with --latency, trimmed from real runs.
const clean = `Running 10s test @ http://127.0.0.1:41234/
  2 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   535.73us  248.04us   8.08ms   89.36%
    Req/Sec    18.36k     1.20k   21.40k    72.50%
  Latency Distribution
     50%  487.00us
     75%  603.00us
     90%  760.00us
     99%    1.50ms
  365483 requests in 10.00s, 40.69GB read
Requests/sec:  36543.54
Transfer/sec:      4.07GB
`

const failing = `Running 2s test @ http://127.0.0.1:41235/posts/x
  2 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.01ms    3.10ms   1.02s    91.00%
    Req/Sec   820.11     90.00     1.01k    70.00%
  Latency Distribution
     50%   11.00ms
     75%   13.00ms
     90%   15.00ms
     99%    1.01s
  3281 requests in 2.00s, 366.10MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 17
Requests/sec:   1638.47
Transfer/sec:    182.83MB
`

describe('parseWrkTime', () => {
  it.each([
    ['535.73us', 0.53573],
    ['1.50ms', 1.5],
    ['2.00s', 2000],
    ['1.00m', 60_000],
  ])('reads %s as %d ms', (value, ms) => {
    expect(parseWrkTime(value)).toBeCloseTo(ms, 6)
  })

  it('refuses what is not a duration', () => {
    expect(() => parseWrkTime('12 ms')).toThrow('Not a wrk duration')
  })
})

describe('parseWrk', () => {
  it('reads requests per second, the p99 and the request count of a clean run', () => {
    expect(parseWrk(clean)).toEqual({
      rps: 36544,
      p99: 1.5,
      requests: 365483,
      non2xx: 0,
      socketErrors: 0,
    })
  })

  it('counts error responses and adds up every kind of socket error', () => {
    expect(parseWrk(failing)).toMatchObject({ rps: 1638, p99: 1010, non2xx: 17, socketErrors: 5 })
  })

  it('fails when the run had no latency distribution, rather than reporting no p99', () => {
    const withoutLatency = clean.replace(/ {2}Latency Distribution[\s\S]*?99%.*\n/, '')
    expect(() => parseWrk(withoutLatency)).toThrow('--latency')
  })

  it('fails when wrk printed no result at all', () => {
    expect(() => parseWrk('unable to connect to 127.0.0.1:1 Connection refused\n')).toThrow()
  })
})

describe('nginxConfig', () => {
  const config = nginxConfig('/tmp/inkwell-nginx-abc', 41234)

  it('listens on loopback only and sends the saved gzip to clients that accept it', () => {
    expect(config).toContain('listen 127.0.0.1:41234;')
    expect(config).toContain('gzip_static on;')
    expect(config).toContain('root /tmp/inkwell-nginx-abc/www;')
  })

  it('keeps every path nginx writes inside its own folder, so it runs without root', () => {
    const paths = [...config.matchAll(/^\s*(?:pid|error_log|\w+_temp_path) (\S+?);?(?: |$)/gm)]
    expect(paths.map((m) => m[1])).toHaveLength(7)
    for (const [, file] of paths) expect(file!.startsWith('/tmp/inkwell-nginx-abc/')).toBe(true)
  })
})
