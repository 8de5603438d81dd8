// @ts-check
import { createHmac, timingSafeEqual } from 'node:crypto'
import v8 from 'node:v8'

import { connectRedis } from '../redisConnection.mjs'

const ENTRY_PREFIX = 'inkwell:cache:'
export const EXPIRY_HASH = 'inkwell:tag-expiry'
export const EXPIRY_CHANNEL = 'inkwell:tag-expiry'
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
   * @param {{
   *   secret: string,
   *   log: (message: string) => void,
   *   onMissedExpiries?: (tags: string[]) => void,
   * }} options `secret` is PAYLOAD_SECRET, which entries are signed with a key made from;
   *   `onMissedExpiries` hears of the tags this instance expired while Redis was away, once
   *   every instance has them.
   */
  constructor(url, clock, { secret, log, onMissedExpiries }) {
    this.clock = clock
    this.log = log
    this.key = createHmac('sha256', 'inkwell shared cache').update(secret).digest()
    /** Expiries made while Redis was away, announced once it is back. @type {Record<string, number>} */
    this.unannounced = {}
    this.commands = connectRedis(url, {
      what: 'shared cache',
      whileDown: "serving from this instance's memory",
      log,
      onReady: () => void this.reconnected(onMissedExpiries),
    })
    // Expiries are heard on a channel; whatever was said while this connection was away is
    // read again from the hash when it is back.
    this.listener = connectRedis(url, {
      what: 'shared cache expiries',
      log: () => {},
      queueWhileDown: true,
      onReady: () => void this.readClock(),
    })
    this.listener.on('message', (_channel, message) => {
      try {
        this.clock.merge(JSON.parse(message))
      } catch {
        // Not ours: ignore.
      }
    })
    this.listener.subscribe(EXPIRY_CHANNEL).catch(() => {})
  }

  /** @param {((tags: string[]) => void) | undefined} onMissedExpiries */
  async reconnected(onMissedExpiries) {
    await this.readClock()
    const missed = this.unannounced
    this.unannounced = {}
    if (!Object.keys(missed).length) return
    await this.announce(missed)
    onMissedExpiries?.(Object.keys(missed))
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
      return stored ? this.open(key, /** @type {Buffer} */ (stored)) : undefined
    } catch {
      return undefined
    } finally {
      clearTimeout(timer)
    }
  }

  /** @param {string} key @param {import('./entry.mjs').Entry} entry */
  write(key, entry) {
    if (!this.ready) return
    this.commands
      .set(ENTRY_PREFIX + key, this.seal(key, entry), 'EX', ENTRY_TTL_SECONDS)
      .catch(() => {})
  }

  /**
   * An entry as stored: its signature, then its bytes. Whoever can write to Redis but does not
   * hold the secret cannot put a page of their own in front of readers.
   * @param {string} key
   * @param {import('./entry.mjs').Entry} entry
   */
  seal(key, entry) {
    const bytes = v8.serialize(entry)
    return Buffer.concat([this.sign(key, bytes), bytes])
  }

  /** Signs the entry's bytes and its key, so an entry cannot be moved to another address. */
  sign(/** @type {string} */ key, /** @type {Buffer} */ bytes) {
    return createHmac('sha256', this.key).update(key).update('\0').update(bytes).digest()
  }

  /** @param {string} key @param {Buffer} stored @returns {import('./entry.mjs').Entry | undefined} */
  open(key, stored) {
    const bytes = stored.subarray(SIGNATURE_BYTES)
    const expected = this.sign(key, bytes)
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
