import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'

import { createCompression } from '@/scripts/compression.mjs'

/** `npm start`'s compression on a real server: a tagged page compressed once, the rest as sent. */
const page = '<!doctype html><p>' + 'Massage eases pain. '.repeat(500) + '</p>'

const serve = async (handler: http.RequestListener) => {
  const compression = createCompression()
  const server = http.createServer((req, res) =>
    compression.handle(req, res, () => handler(req, res)),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const request = (headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer; status: number }>(
      (resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method, headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ headers: res.headers, body: Buffer.concat(chunks), status: res.statusCode! }),
          )
        })
        req.on('error', reject)
        req.end()
      },
    )
  return { request, stats: compression.stats, close: () => new Promise((r) => server.close(r)) }
}

const tagged = (body: () => string) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.setHeader('xkey', 'posts post:a')
  res.setHeader('vary', 'rsc')
  res.end(body())
}

describe('compression for npm start', () => {
  it('compresses a tagged page once and sends the same gzip again while it is unchanged', async () => {
    let body = page
    const app = await serve(tagged(() => body))
    try {
      const first = await app.request({ 'accept-encoding': 'gzip, deflate, br' })
      expect(first.headers['content-encoding']).toBe('gzip')
      expect(gunzipSync(first.body).toString()).toBe(page)
      expect(Number(first.headers['content-length'])).toBe(first.body.length)
      expect(first.headers.vary).toBe('rsc, Accept-Encoding')
      await app.request({ 'accept-encoding': 'gzip' })
      expect(app.stats).toEqual({ compressed: 1, reused: 1, encoded: 1 })
      body = page.replace('eases', 'relieves')
      const changed = await app.request({ 'accept-encoding': 'gzip' })
      expect(gunzipSync(changed.body).toString()).toContain('relieves')
      expect(app.stats).toEqual({ compressed: 2, reused: 1, encoded: 2 })
      // A change that keeps the length (the last word of the page) is a change too.
      body = page.replace(/pain\. <\/p>$/, 'ache. </p>')
      expect(body).not.toBe(page)
      const sameLength = await app.request({ 'accept-encoding': 'gzip' })
      expect(gunzipSync(sameLength.body).toString()).toBe(body)
      expect(app.stats).toEqual({ compressed: 3, reused: 1, encoded: 3 })
    } finally {
      await app.close()
    }
  })

  it('sends a tagged page plain to a client that does not take gzip, its bytes made once', async () => {
    let body = page
    const app = await serve(tagged(() => body))
    try {
      const asked: Record<string, string>[] = [{}, { 'accept-encoding': 'gzip;q=0, identity' }]
      for (const headers of asked) {
        const res = await app.request(headers)
        expect(res.headers['content-encoding']).toBeUndefined()
        expect(res.body.toString()).toBe(page)
        expect(Number(res.headers['content-length'])).toBe(res.body.length)
        expect(res.headers.vary).toBe('rsc, Accept-Encoding')
      }
      expect(app.stats).toEqual({ compressed: 0, reused: 0, encoded: 1 })
      // Text beyond ASCII is sent as UTF-8, and a changed page is made anew.
      body = page.replace('Massage', 'Massage für Rücken')
      const changed = await app.request({})
      expect(changed.body.toString('utf8')).toBe(body)
      expect(Number(changed.headers['content-length'])).toBe(Buffer.byteLength(body))
      expect(app.stats).toEqual({ compressed: 0, reused: 0, encoded: 2 })
    } finally {
      await app.close()
    }
  })

  it('joins a page written in parts, and answers HEAD without a body', async () => {
    const app = await serve((_req, res) => {
      res.setHeader('xkey', 'posts')
      res.setHeader('content-type', 'text/html')
      res.write(page.slice(0, 100))
      res.write(Buffer.from(page.slice(100, 200)))
      res.end(page.slice(200))
    })
    try {
      const res = await app.request({ 'accept-encoding': 'gzip' })
      expect(gunzipSync(res.body).toString()).toBe(page)
      const head = await app.request({ 'accept-encoding': 'gzip' }, 'HEAD')
      expect(head.status).toBe(200)
      expect(head.body.length).toBe(0)
    } finally {
      await app.close()
    }
  })

  it('compresses an untagged answer as it streams, keeping nothing', async () => {
    const app = await serve((_req, res) => {
      res.setHeader('content-type', 'application/json')
      res.write(JSON.stringify({ part: 'one'.repeat(1000) }))
      res.end()
    })
    try {
      const res = await app.request({ 'accept-encoding': 'gzip' })
      expect(res.headers['content-encoding']).toBe('gzip')
      expect(JSON.parse(gunzipSync(res.body).toString()).part).toHaveLength(3000)
      expect(app.stats).toEqual({ compressed: 0, reused: 0, encoded: 0 })
    } finally {
      await app.close()
    }
  })
})
