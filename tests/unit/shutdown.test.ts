import http from 'node:http'
import type { AddressInfo } from 'node:net'

import {
  closeWhenShuttingDown,
  gracefulShutdown,
  shutdownState,
  shutdownTimeoutMs,
} from '@/scripts/shutdown.mjs'

/** npm start's shutdown on a real server: the request in flight ends well, no new one gets in. */
const listen = async (handler: http.RequestListener) => {
  const server = http.createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port }
}

/** The status and Connection header of a GET. */
const get = (port: number) =>
  new Promise<string>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port }, (res) => {
        res.resume()
        resolve(`${res.statusCode} ${res.headers.connection}`)
      })
      .on('error', reject)
  })

afterEach(() => {
  const state = shutdownState()
  state.shuttingDown = false
  state.closers.length = 0
})

describe('shutdownTimeoutMs', () => {
  it('reads SHUTDOWN_TIMEOUT_MS, else ten seconds', () => {
    expect(shutdownTimeoutMs('2500')).toBe(2500)
    expect(shutdownTimeoutMs(undefined)).toBe(10_000)
    expect(shutdownTimeoutMs('soon')).toBe(10_000)
    expect(shutdownTimeoutMs('-1')).toBe(10_000)
  })
})

describe('gracefulShutdown', () => {
  it('lets the request in flight finish, refuses new connections, then closes and exits 0', async () => {
    let release = () => {}
    const { server, port } = await listen((_req, res) => {
      closeWhenShuttingDown(res)
      release = () => res.end('done')
    })
    const order: string[] = []
    let inFlight: Promise<string> = Promise.resolve('not sent')
    shutdownState().closers.push(async () => void order.push('closer'))
    const exited = new Promise<number>((resolve) => {
      const stop = gracefulShutdown(server, {
        timeoutMs: 5000,
        log: () => {},
        exit: (code) => resolve(code),
      })
      inFlight = get(port)
      setTimeout(() => {
        void stop('SIGTERM')
        expect(shutdownState().shuttingDown).toBe(true)
        void get(port).then(
          () => order.push('new request answered'),
          () => {
            order.push('new connection refused')
            release()
          },
        )
      }, 100)
    })
    expect(await exited).toBe(0)
    expect(order).toEqual(['new connection refused', 'closer'])
    expect(await inFlight).toBe('200 close')
  })

  it('cuts off what is still running at the time limit and exits 0 all the same', async () => {
    const { server, port } = await listen(() => {}) // never answers
    const lines: string[] = []
    const stop = gracefulShutdown(server, {
      timeoutMs: 300,
      log: (l) => lines.push(l),
      exit: () => {},
    })
    const hanging = get(port).catch(() => 'cut off')
    await new Promise((r) => setTimeout(r, 100))
    const started = Date.now()
    await stop('SIGTERM')
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await hanging).toBe('cut off')
    expect(lines.join('\n')).toMatch(/cut off/)
  })

  it('exits at once, with the status of the signal, on a second signal', async () => {
    const { server, port } = await listen(() => {}) // never answers
    const codes: number[] = []
    const stop = gracefulShutdown(server, {
      timeoutMs: 5000,
      log: () => {},
      exit: (c) => codes.push(c),
    })
    const hanging = get(port).catch(() => 'cut off')
    await new Promise((r) => setTimeout(r, 100))
    const first = stop('SIGTERM')
    await stop('SIGTERM')
    expect(codes).toEqual([143])
    server.closeAllConnections()
    await first
    await hanging
  })
})
