import http from 'node:http'
import { gunzipSync } from 'node:zlib'

/** The request header of a browser that takes gzip. */
export const GZIP = { 'accept-encoding': 'gzip' }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One GET with the raw bytes as sent (fetch would decompress them). */
export const getRaw = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(url, { headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          )
        })
        .on('error', reject)
    },
  )

/**
 * Fails unless the URL answers 200 with the post (and its comments), compressed exactly when
 * asked to: wrk counts only 4xx and 5xx, so a redirect or a wrong page would pass unnoticed.
 * Returns the size sent, in bytes.
 */
export const checkPage = async (url: string, gzip: boolean, title: string, comments: number) => {
  const res = await getRaw(url, gzip ? GZIP : {})
  const encoded = res.headers['content-encoding'] === 'gzip'
  const html = (encoded ? gunzipSync(res.body) : res.body).toString('utf8')
  const shown = (html.match(/<li class="comment" id="comment-/g) ?? []).length
  if (res.status !== 200 || encoded !== gzip || !html.includes(title) || shown !== comments) {
    throw new Error(
      `${url} (${gzip ? 'gzip' : 'plain'}): HTTP ${res.status}, content-encoding ` +
        `${res.headers['content-encoding'] ?? 'none'}, ${shown} comments shown`,
    )
  }
  return res.body.length
}

/** Asks the edge for the page until it answers from its cache, the way `fetch` asks. */
export const warmEdge = async (url: string) => {
  for (let i = 0; i < 50; i++) {
    const res = await fetch(url)
    await res.text()
    if (res.headers.get('x-cache') === 'HIT') return
    await sleep(50)
  }
  throw new Error(`${url} never became a cache hit at the edge`)
}
