// @ts-check
import { createHmac, timingSafeEqual } from 'node:crypto'
import v8 from 'node:v8'

import Redis from 'ioredis'

const ENTRY_PREFIX = 'inkwell:cache:'
const EXPIRY_HASH = 'inkwell:tag-expiry'
const EXPIRY_CHANNEL = 'inkwell:tag-expiry'
/** A shared entry lives at most this long; a page nobody asks for makes room for others. */
const ENTRY_TTL_SECONDS = 7 * 24 * 3600
const SIGNATURE_BYTES = 32
/** A read slower than this counts as a miss: a slow Redis must not hold readers up. */
const READ_TIMEOUT_MS = 300

/**
 * The link to the shared cache in Redis: entries every instance can read, and the tag clock
 * every instance keeps equal (expiries are written to one hash and announced on a channel).
 * Whenever Redis cannot be reached, reads miss and writes are dropped, so each instance goes on
 * with its own memory; on reconnecting it reads the whole clock again, so expiries announced
 * while it was away are not lost.
 */
export class RedisLink {
  /**
   * @param {string} url
   * @param {import('./tagClock.mjs').TagClock} clock
   * @param {(message: string) => void} log
   * @param {string} secret PAYLOAD_SECRET: entries are signed with a key made from it
   */
  constructor(url, clock, log, secret) {
    this.clock = clock
    this.log = log
    this.key = createHmac('sha256', 'inkwell shared cache').update(secret).digest()
    this.down = false
    /** Expiries made while Redis was away, announced once it is back. @type {Record<string, number>} */
    this.unannounced = {}
    const options = {
      // Fail at once while disconnected rather than queueing readers behind a dead server.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (/** @type {number} */ attempt) => Math.min(attempt * 250, 2_000),
    }
    this.commands = new Redis(url, options)
    this.listener = new Redis(url, { ...options, enableOfflineQueue: true })
    this.commands.on('ready', () => {
      if (this.down) this.log('shared cache: Redis is back')
      this.down = false
      void this.readClock()
      const missed = this.unannounced
      this.unannounced = {}
      if (Object.keys(missed).length) void this.announce(missed)
    })
    const lost = (/** @type {string} */ why) => {
      if (this.down) return
      this.down = true
      this.log(`shared cache: Redis unavailable (${why}); serving from this instance's memory`)
    }
    // A refused connection is an error; a server that went away is a close without one.
    this.commands.on('error', (/** @type {Error} */ error) => lost(error.message))
    this.commands.on('close', () => lost('connection closed'))
    this.listener.on('error', () => {})
    this.listener.on('message', (_channel, message) => {
      try {
        this.clock.merge(JSON.parse(message))
      } catch {
        // Not ours: ignore.
      }
    })
    this.listener.subscribe(EXPIRY_CHANNEL).catch(() => {})
  }

  get ready() {
    return this.commands.status === 'ready'
  }

  async readClock() {
    try {
      this.clock.merge(await this.commands.hgetall(EXPIRY_HASH))
    } catch {
      // Read again on the next reconnect.
    }
  }

  /** @param {string} key @returns {Promise<import('./entry.mjs').Entry | undefined>} */
  async read(key) {
    if (!this.ready) return undefined
    let timer
    try {
      const timeout = new Promise((resolve) => {
        timer = setTimeout(resolve, READ_TIMEOUT_MS, null)
      })
      const stored = await Promise.race([this.commands.getBuffer(ENTRY_PREFIX + key), timeout])
      return stored ? this.open(/** @type {Buffer} */ (stored)) : undefined
    } catch {
      return undefined
    } finally {
      clearTimeout(timer)
    }
  }

  /** @param {string} key @param {import('./entry.mjs').Entry} entry */
  write(key, entry) {
    if (!this.ready) return
    this.commands.set(ENTRY_PREFIX + key, this.seal(entry), 'EX', ENTRY_TTL_SECONDS).catch(() => {})
  }

  /**
   * An entry as stored: its signature, then its bytes. Whoever can write to Redis but does not
   * hold the secret cannot put a page of their own in front of readers.
   * @param {import('./entry.mjs').Entry} entry
   */
  seal(entry) {
    const bytes = v8.serialize(entry)
    return Buffer.concat([createHmac('sha256', this.key).update(bytes).digest(), bytes])
  }

  /** @param {Buffer} stored @returns {import('./entry.mjs').Entry | undefined} */
  open(stored) {
    const bytes = stored.subarray(SIGNATURE_BYTES)
    const expected = createHmac('sha256', this.key).update(bytes).digest()
    const signature = stored.subarray(0, SIGNATURE_BYTES)
    if (signature.length !== SIGNATURE_BYTES || !timingSafeEqual(signature, expected)) {
      return undefined
    }
    return v8.deserialize(bytes)
  }

  /** @param {string} key */
  remove(key) {
    if (this.ready) this.commands.del(ENTRY_PREFIX + key).catch(() => {})
  }

  /** Shares expiries with every instance. @param {Record<string, number>} times */
  async announce(times) {
    if (!this.ready) {
      Object.assign(this.unannounced, times)
      return
    }
    try {
      await this.commands
        .multi()
        .hset(EXPIRY_HASH, times)
        .publish(EXPIRY_CHANNEL, JSON.stringify(times))
        .exec()
    } catch (error) {
      Object.assign(this.unannounced, times)
      this.log(`shared cache: could not share an expiry (${String(error)})`)
    }
  }

  disconnect() {
    this.commands.disconnect()
    this.listener.disconnect()
  }
}
