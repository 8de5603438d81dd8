import http from 'node:http'

import { type TestServer, startServer } from '../support/server'

/**
 * `npm start` told to stop (SIGTERM, as Docker does) while a request is under way: the request
 * ends with its answer, a new connection is refused at once, and the process exits 0 within
 * SHUTDOWN_TIMEOUT_MS. The slow request is a client that sends its body slowly: a query posted
 * as a form (a POST standing in for a GET), whose body trickles in over a second or two.
 */
const TIMEOUT_MS = 15_000
let server: TestServer

beforeAll(async () => {
  server = await startServer({
    seed: false,
    readyPath: '/api/health',
    serverOnlyEnv: { SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS) },
  })
}, 180_000)

afterAll(() => server?.stop())

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Starts POST /api/posts?… as a GET, sends half its body, and hands back the rest to send. */
const slowQuery = () => {
  const body = 'limit=1&depth=0'
  const { port } = new URL(server.url)
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/posts',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      'x-payload-http-method-override': 'GET',
    },
  })
  const answer = new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>(
    (resolve, reject) => {
      req.on('response', (res) => {
        let text = ''
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
      })
      req.on('error', reject)
    },
  )
  req.write(body.slice(0, 5))
  return { answer, finish: () => req.end(body.slice(5)) }
}

/** How a fresh connection fares: an HTTP status, or the connection error's code. */
const tryConnect = () =>
  fetch(`${server.url}/api/health`).then(
    (res) => String(res.status),
    (error: { cause?: { code?: string } }) => error.cause?.code ?? 'error',
  )

it('finishes the request in flight, refuses new connections, and exits 0', async () => {
  // The same slow query, answered before any signal: what the one in flight should get.
  const before = slowQuery()
  before.finish()
  expect((await before.answer).status).toBe(200)

  const { answer, finish } = slowQuery()
  await pause(500) // the server has its headers and waits for the rest of the body
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    server.child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const signalled = Date.now()
  process.kill(server.child.pid!, 'SIGTERM')

  let fresh = await tryConnect()
  while (fresh !== 'ECONNREFUSED' && Date.now() - signalled < 3000) {
    await pause(100)
    fresh = await tryConnect()
  }
  expect(fresh).toBe('ECONNREFUSED')

  finish()
  const { status, headers, text } = await answer
  expect(status).toBe(200)
  expect(headers.connection).toBe('close')
  expect(JSON.parse(text)).toHaveProperty('docs')

  const { code, signal } = await exited
  expect({ code, signal }).toEqual({ code: 0, signal: null })
  expect(Date.now() - signalled).toBeLessThan(TIMEOUT_MS)
  expect(server.logs()).toMatch(/SIGTERM: finishing requests in flight[\s\S]*Shutdown complete/)
})
