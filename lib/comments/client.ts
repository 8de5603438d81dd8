import { createHmac } from 'node:crypto'

/**
 * The visitor's IP as seen by the server. x-forwarded-for lists every hop; the last entry is
 * the one added by the proxy nearest us (or by Next.js itself), which a visitor cannot forge
 * the way they can the first. Behind several proxies, set TRUSTED_PROXY_HOPS to skip them.
 */
export const clientIp = (headers: Headers, env: NodeJS.ProcessEnv = process.env): string => {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const hops = Math.max(0, Number(env.TRUSTED_PROXY_HOPS ?? 0) || 0)
  const fromForwarded = forwarded[forwarded.length - 1 - hops] ?? forwarded[0]
  return fromForwarded || headers.get('x-real-ip')?.trim() || 'unknown'
}

/** A salted hash of an IP: enough to spot floods and repeats, useless to identify anyone. */
export const hashIp = (secret: string, ip: string): string =>
  createHmac('sha256', secret).update(`ip:${ip}`).digest('hex').slice(0, 32)

/** The user agent, trimmed to a length worth keeping. */
export const userAgentOf = (headers: Headers): string =>
  (headers.get('user-agent') ?? '').slice(0, 300)
