import { isIPv6 } from 'node:net'

import { signFor } from '@/lib/signing'

/**
 * The visitor's address. `npm start` (scripts/serve.mjs) appends the connection's own address
 * to X-Forwarded-For and drops what a client wrote unless TRUSTED_PROXY_HOPS says proxies of
 * ours are in front; then the entry that many places from the end is the one our nearest proxy
 * saw. (`next dev` passes a client's header through: development only.)
 */
export const clientIp = (headers: Headers, env: NodeJS.ProcessEnv = process.env): string => {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const hops = Math.max(0, Number(env.TRUSTED_PROXY_HOPS ?? 0) || 0)
  return forwarded[forwarded.length - 1 - hops] ?? forwarded[0] ?? 'unknown'
}

/**
 * The part of an address that names one customer of a network: an IPv4 address whole, an IPv6
 * address by its /64 (one household or phone is given a whole /64 and can pick any address in
 * it), an IPv4 address written the IPv6 way as the IPv4 one.
 */
export const addressKey = (ip: string): string => {
  const address = ip.split('%')[0]!.toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (mapped) return mapped[1]!
  if (!isIPv6(address)) return address
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') && tail ? tail.split(':') : []
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/**
 * A salted hash of an address (by addressKey): enough to spot floods and repeats, useless to
 * identify anyone.
 */
export const hashIp = (secret: string, ip: string): string =>
  signFor(secret, 'ip', addressKey(ip), 'hex').slice(0, 32)

/** The user agent, trimmed to a length worth keeping. */
export const userAgentOf = (headers: Headers): string =>
  (headers.get('user-agent') ?? '').slice(0, 300)

/** A salted hash of an email, for counters that must not hold the address itself. */
export const hashEmail = (secret: string, email: string): string =>
  signFor(secret, 'email', email.trim().toLowerCase(), 'hex').slice(0, 32)
