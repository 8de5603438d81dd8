import { PROCESS_CACHE, expiredSince } from '@/lib/cache/expiry.mjs'
import InkwellCacheHandler from '@/lib/cache/handler.mjs'

/** What the proxy asks before it trusts a redirect lookup it remembers (proxy.ts). */
describe('expiredSince', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[PROCESS_CACHE]
  })

  it('vouches for nothing while the process has no cache yet', () => {
    expect(expiredSince(['redirects'], Date.now())).toBe(true)
  })

  it('reads the cache handler’s own tag clock: only a later expiry of one of the tags counts', async () => {
    const handler = new InkwellCacheHandler()
    await handler.get('warm-up')
    const rememberedAt = Date.now()
    expect(expiredSince(['redirects', 'posts'], rememberedAt)).toBe(false)
    await handler.revalidateTag('post:a')
    expect(expiredSince(['redirects', 'posts'], rememberedAt)).toBe(false)
    await handler.revalidateTag(['posts'])
    expect(expiredSince(['redirects', 'posts'], rememberedAt)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 2))
    expect(expiredSince(['redirects', 'posts'], Date.now())).toBe(false)
  })
})
