import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { gzipSync } from 'node:zlib'

import { MemoryEntries } from '../lib/cache/memory.mjs'

// Next's own copy of the `compression` middleware, the one `next start` uses.
const compression = createRequire(import.meta.url)('next/dist/compiled/compression')

/** Answers kept (their bytes and gzip, by keyOf), up to this many bytes in all. */
const ANSWER_CACHE_BYTES = 32 * 1024 * 1024

/** @param {any} chunk @param {any} encoding */
const toBuffer = (chunk, encoding) =>
  Buffer.isBuffer(chunk)
    ? chunk
    : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')

/**
 * A piece of a body as it was written: a string stays a string (with its encoding) until the
 * body must be compressed, a Uint8Array becomes a Buffer without a copy.
 * @param {any} chunk @param {any} encoding
 * @returns {{ chunk: string | Buffer, encoding?: BufferEncoding }}
 */
const piece = (chunk, encoding) =>
  typeof chunk === 'string'
    ? { chunk, encoding: typeof encoding === 'string' ? encoding : 'utf8' }
    : {
        chunk: Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
      }

/** @param {import('node:http').IncomingMessage} req */
const acceptsGzip = (req) =>
  /\bgzip\b(?!\s*;\s*q\s*=\s*0(\.0*)?\s*(,|$))/i.test(String(req.headers['accept-encoding'] ?? ''))

/** @typedef {{ plain: Buffer, gzip?: Buffer }} Answer */

/**
 * Compression for `npm start` (next.config.ts turns Next's own off). Next gzips every answer
 * anew, so a cached page (115 kB with 20 comments) cost a compression per reader, about a third
 * of the server's time. Here an answer that carries edge keys (a cached page, a feed: the same
 * bytes for every reader until its tags expire) is made once: its bytes, and its gzip when a
 * reader first takes gzip, are sent again while the page stays the same. Everything else (the
 * dashboard, the API, Next's files) is compressed as it streams, as Next would.
 */
export const createCompression = ({ cacheBytes = ANSWER_CACHE_BYTES } = {}) => {
  /** @type {MemoryEntries<Answer>} */
  const cache = new MemoryEntries(cacheBytes)
  const stats = { compressed: 0, reused: 0, encoded: 0 }

  /**
   * The key of a body given in pieces (strings or buffers, as Next wrote them). Next hands a
   * cached page over as one string: that string is its own key, and finding it again costs a
   * comparison of equal strings, where hashing it cost its conversion to UTF-8 as well (a 140 kB
   * page spent more on that than on anything else in its answer). Other bodies are keyed by the
   * SHA-256 of their bytes, behind a NUL no page begins with.
   * @param {Array<{ chunk: string | Buffer, encoding?: BufferEncoding }>} pieces
   */
  const keyOf = (pieces) => {
    const [only] = pieces
    if (pieces.length === 1 && typeof only?.chunk === 'string' && only.encoding === 'utf8') {
      return only.chunk
    }
    const hash = createHash('sha256')
    for (const { chunk, encoding } of pieces) {
      if (typeof chunk === 'string') hash.update(chunk, encoding)
      else hash.update(chunk)
    }
    return `\0sha256:${hash.digest('base64')}`
  }

  /**
   * The bytes to send for a body: its UTF-8 made once (Node would otherwise encode the string
   * again for every answer, most of a plain answer's cost for a large page), gzipped once when
   * `gzip` asks for it.
   * @param {Array<{ chunk: string | Buffer, encoding?: BufferEncoding }>} pieces
   * @param {boolean} gzip
   */
  const bytesOnce = (pieces, gzip) => {
    const key = keyOf(pieces)
    let answer = cache.get(key)
    if (answer && (!gzip || answer.gzip)) {
      if (gzip) stats.reused++
      return gzip ? answer.gzip : answer.plain
    }
    if (!answer) {
      answer = {
        plain: Buffer.concat(pieces.map(({ chunk, encoding }) => toBuffer(chunk, encoding))),
      }
      stats.encoded++
    }
    if (gzip) {
      answer.gzip = gzipSync(answer.plain)
      stats.compressed++
    }
    // A page kept as its own key holds its text too: all of it counts against the budget.
    // (V8 keeps a page with any character past Latin-1 at two bytes a character: counted so.)
    const keySize = key.startsWith('\0') ? 0 : key.length * 2
    cache.set(key, answer, keySize + answer.plain.length + (answer.gzip?.length ?? 0))
    return gzip ? /** @type {Buffer} */ (answer.gzip) : answer.plain
  }

  const streaming = compression({
    // Answers compressed once (below) reach it already compressed: left alone.
    filter: (/** @type {any} */ req, /** @type {any} */ res) =>
      !res.compressedOnce && compression.filter(req, res),
  })

  /**
   * Takes one response over, then hands it to `next` (Next's handler).
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse & { compressedOnce?: boolean }} res
   * @param {() => void} next
   */
  const handle = (req, res, next) => {
    streaming(req, res, () => {})
    const { write, end } = res
    /** @type {'once' | 'as it streams' | undefined} */
    let mode
    /** @type {Array<{ chunk: string | Buffer, encoding?: BufferEncoding }>} */
    const pieces = []
    // Decided at the first byte of the body, when Next has set every header.
    const decide = () => {
      mode ??=
        !res.headersSent &&
        req.method === 'GET' &&
        (res.statusCode === 200 || res.statusCode === 404) &&
        res.hasHeader('xkey') &&
        !res.hasHeader('content-encoding')
          ? 'once'
          : 'as it streams'
      return mode
    }
    res.write = function (/** @type {any[]} */ ...args) {
      if (decide() !== 'once') return write.apply(this, /** @type {any} */ (args))
      pieces.push(piece(args[0], args[1]))
      const callback = args.find((a) => typeof a === 'function')
      if (callback) process.nextTick(callback)
      return true
    }
    res.end = function (/** @type {any[]} */ ...args) {
      if (decide() !== 'once') return end.apply(this, /** @type {any} */ (args))
      const [chunk, encoding] = args
      if (chunk != null && typeof chunk !== 'function') pieces.push(piece(chunk, encoding))
      const gzip = acceptsGzip(req)
      const body = bytesOnce(pieces, gzip)
      this.compressedOnce = true
      if (gzip) this.setHeader('content-encoding', 'gzip')
      this.setHeader('content-length', body.length)
      const vary = String(this.getHeader('vary') ?? '')
      if (!/accept-encoding/i.test(vary)) {
        this.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
      }
      const callback = args.find((a) => typeof a === 'function')
      return end.call(this, body, callback)
    }
    next()
  }
  return { handle, stats }
}
