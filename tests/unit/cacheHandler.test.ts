import { createCache } from '@/lib/cache/handler.mjs'
import { MemoryEntries } from '@/lib/cache/memory.mjs'
import { MAX_CLOCK_SKEW_MS, TagClock } from '@/lib/cache/tagClock.mjs'

/** The cache handler's own rules, on one instance in memory (tests/int/sharedCache: Redis). */
const page = (tags: string) => ({
  kind: 'APP_PAGE',
  html: '<html>page</html>',
  rscData: Buffer.from('rsc'),
  headers: { 'x-next-cache-tags': tags } as Record<string, string>,
  status: 200,
})
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the cache handler', () => {
  it('serves what it stored until one of the entry’s tags expires', async () => {
    const cache = createCache({})
    await cache.set('/posts/a', page('_N_T_/layout,posts,post:a'))
    expect((await cache.get('/posts/a'))?.value.html).toBe('<html>page</html>')
    await cache.revalidateTag(['post:b'])
    expect(await cache.get('/posts/a')).not.toBeNull()
    await sleep(2)
    await cache.revalidateTag('post:a')
    expect(await cache.get('/posts/a')).toBeNull()
  })

  it('keeps an entry stored after the expiry', async () => {
    const cache = createCache({})
    await cache.revalidateTag(['posts'])
    await sleep(2)
    await cache.set('/', page('posts'))
    expect(await cache.get('/')).not.toBeNull()
  })

  it('checks a cached read by the tags it was stored with and the page’s own', async () => {
    const cache = createCache({})
    await cache.set('read', { kind: 'FETCH', data: { body: '{}' } }, { tags: ['settings'] })
    expect(await cache.get('read', { softTags: ['_N_T_/posts/a'] })).not.toBeNull()
    await sleep(2)
    await cache.revalidateTag(['_N_T_/posts/a'])
    expect(await cache.get('read', { softTags: ['_N_T_/posts/a'] })).toBeNull()
  })

  it('gives a page its tags for the edge, leaving out Next’s implicit ones', async () => {
    const cache = createCache({})
    const value = page('_N_T_/layout,_N_T_/posts/a,settings,post:a,comments:7')
    await cache.set('/posts/a', value)
    // The same object Next answers the first request with, so that answer has them too.
    expect(value.headers.xkey).toBe('settings post:a comments:7')
    const feed = { kind: 'FETCH', data: {} } as Record<string, unknown>
    await cache.set('read', feed, { tags: ['posts'] })
    expect(feed.headers).toBeUndefined()
  })

  it('forgets an entry set to nothing', async () => {
    const cache = createCache({})
    await cache.set('/x', page('posts'))
    await cache.set('/x', null)
    expect(await cache.get('/x')).toBeNull()
  })
})

describe('memory entries', () => {
  const entry = { value: {}, lastModified: 0, tags: [] }
  it('lets the least recently used go first once past the budget', () => {
    const memory = new MemoryEntries(300)
    memory.set('a', entry, 100)
    memory.set('b', entry, 100)
    memory.set('c', entry, 100)
    memory.get('a')
    memory.set('d', entry, 100)
    expect(memory.get('b')).toBeUndefined()
    expect(memory.get('a')).toBe(entry)
    expect(memory.get('d')).toBe(entry)
    expect(memory.used).toBe(300)
  })

  it('does not keep an entry larger than the whole budget', () => {
    const memory = new MemoryEntries(50)
    memory.set('big', entry, 51)
    expect(memory.get('big')).toBeUndefined()
    expect(memory.used).toBe(0)
  })
})

describe('the tag clock', () => {
  it('keeps the later expiry of a tag and ignores what is not a time', () => {
    const clock = new TagClock()
    clock.merge({ posts: 200 })
    clock.merge({ posts: 100, other: Number.NaN })
    expect(clock.expiredAt.get('posts')).toBe(200)
    expect(clock.expiredAt.has('other')).toBe(false)
    expect(clock.isOutdated(['posts'], 150, 1_000)).toBe(true)
    expect(clock.isOutdated(['posts'], 250, 1_000)).toBe(false)
    // An expiry still in the future does not count yet.
    expect(clock.isOutdated(['posts'], 150, 199)).toBe(false)
  })

  it('counts an entry stored in the very millisecond of an expiry as out of date', () => {
    const clock = new TagClock()
    clock.merge({ posts: 100 }, 100)
    expect(clock.isOutdated(['posts'], 100, 200)).toBe(true)
  })

  it('does not take an expiry far ahead of its own clock, which would never come due', () => {
    const clock = new TagClock()
    const now = 1_000_000
    clock.merge({ posts: now + MAX_CLOCK_SKEW_MS + 1, authors: now + 5_000 }, now)
    expect(clock.expiredAt.has('posts')).toBe(false)
    expect(clock.expiredAt.get('authors')).toBe(now + 5_000)
  })
})
