import { jest } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { edgePurgeUrls, purgeEdges } from '@/lib/edge/purge.mjs'
import { EDGE_KEYS_BY_ROUTE } from '@/lib/edge/routeKeys'
import { SHARED_CACHE_CONTROL, applyEdgePolicy } from '@/scripts/edgeHeaders.mjs'

type Seen = { method?: string; keys?: string; secret?: string }

/** A stand-in edge on a loopback port that answers the given statuses in turn. */
const fakeEdge = async (statuses: number[]) => {
  const seen: Seen[] = []
  const server = http.createServer((req, res) => {
    seen.push({
      method: req.method,
      keys: req.headers['xkey-purge'] as string,
      secret: req.headers['x-purge-secret'] as string,
    })
    res.writeHead(statuses.shift() ?? 200).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, seen, close: () => new Promise((r) => server.close(r)) }
}

describe('purging the edges', () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => {})
  afterEach(() => errors.mockClear())

  it('reads the list of edges, comma or space separated', () => {
    expect(edgePurgeUrls(' http://a:80, http://b:80  http://c ')).toEqual([
      'http://a:80',
      'http://b:80',
      'http://c',
    ])
    expect(edgePurgeUrls(undefined)).toEqual([])
  })

  it('sends one PURGE naming the keys, with the secret when there is one', async () => {
    const edge = await fakeEdge([200])
    process.env.EDGE_PURGE_SECRET = 'shh'
    try {
      expect(await purgeEdges(['posts', 'post:a'], [edge.url], [])).toBe(1)
    } finally {
      delete process.env.EDGE_PURGE_SECRET
      await edge.close()
    }
    expect(edge.seen).toEqual([{ method: 'PURGE', keys: 'posts post:a', secret: 'shh' }])
  })

  it('retries an edge that fails, and tells every edge', async () => {
    const flaky = await fakeEdge([503, 500, 200])
    const steady = await fakeEdge([200])
    try {
      expect(await purgeEdges(['posts'], [flaky.url, steady.url], [5, 5, 5])).toBe(2)
    } finally {
      await flaky.close()
      await steady.close()
    }
    expect(flaky.seen).toHaveLength(3)
    expect(steady.seen).toHaveLength(1)
    expect(errors).not.toHaveBeenCalled()
  })

  it('gives up on an edge that never answers with a log line, never an error', async () => {
    const edge = await fakeEdge([])
    await edge.close()
    await expect(purgeEdges(['posts'], [edge.url], [5])).resolves.toBe(0)
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('edge purge failed'))
  })

  it('does nothing with no edge or no keys', async () => {
    expect(await purgeEdges(['posts'], [])).toBe(0)
    expect(await purgeEdges([], ['http://127.0.0.1:9'])).toBe(0)
  })
})

describe('the app’s answers to the edge', () => {
  const serve = async (handler: http.RequestListener) => {
    const server = http.createServer((req, res) => {
      applyEdgePolicy(res, 'a')
      handler(req, res)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    await res.text()
    await new Promise((r) => server.close(r))
    return res.headers
  }

  it('gives an answer with edge keys the short shared lifetime, whatever Next set', async () => {
    const headers = await serve((_req, res) => {
      res.setHeader('xkey', 'posts')
      res.setHeader('cache-control', 's-maxage=86400, stale-while-revalidate=31449600')
      res.end('page')
    })
    expect(headers.get('cache-control')).toBe(SHARED_CACHE_CONTROL)
    expect(headers.get('x-inkwell-instance')).toBe('a')
  })

  it('shortens any s-maxage Next sets, keys or not (its prefetch answers have none)', async () => {
    const headers = await serve((_req, res) => {
      res.setHeader('cache-control', 's-maxage=86400, stale-while-revalidate=31449600')
      res.end('segment')
    })
    expect(headers.get('cache-control')).toBe(SHARED_CACHE_CONTROL)
  })

  it('leaves every other answer’s Cache-Control alone', async () => {
    const headers = await serve((_req, res) => {
      res.writeHead(200, { 'cache-control': 'private, no-store' }).end('dashboard')
    })
    expect(headers.get('cache-control')).toBe('private, no-store')
  })

  it('keys the feeds, sitemap and robots by the tags they are made from', () => {
    const sources = EDGE_KEYS_BY_ROUTE.map((r) => r.source)
    expect(sources).toEqual(
      expect.arrayContaining([
        '/feed.xml',
        '/comments/feed.xml',
        '/sitemap.xml',
        '/sitemap/:file',
        '/robots.txt',
      ]),
    )
    const comments = EDGE_KEYS_BY_ROUTE.find((r) => r.source === '/comments/feed.xml')
    expect(comments?.keys).toEqual(expect.arrayContaining(['comments', 'posts']))
  })
})
