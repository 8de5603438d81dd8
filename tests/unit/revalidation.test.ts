import { tagsForPostChange } from '@/collections/Posts/hooks/revalidatePost'
import { CacheTags } from '@/lib/cacheTags'
import {
  REVALIDATE_MAX_AGE_MS,
  isValidRevalidateSignature,
  revalidateSignature,
} from '@/lib/server/revalidate'

describe('tagsForPostChange', () => {
  it('touches nothing for a draft that was never public', () => {
    expect(
      tagsForPostChange({ slug: 'a', _status: 'draft' }, { slug: 'a', _status: 'draft' }),
    ).toEqual([])
    expect(tagsForPostChange({ slug: 'a', _status: 'draft' }, null)).toEqual([])
  })

  it('publishing touches the post and every list', () => {
    expect(
      tagsForPostChange({ slug: 'a', _status: 'published' }, { slug: 'a', _status: 'draft' }),
    ).toEqual([CacheTags.postLists, CacheTags.post('a')])
  })

  it('unpublishing touches the post and every list', () => {
    expect(
      tagsForPostChange({ slug: 'a', _status: 'draft' }, { slug: 'a', _status: 'published' }),
    ).toEqual([CacheTags.postLists, CacheTags.post('a')])
  })

  it('renaming a live slug touches the old and the new address', () => {
    expect(
      tagsForPostChange(
        { slug: 'new', _status: 'published' },
        { slug: 'old', _status: 'published' },
      ),
    ).toEqual([CacheTags.postLists, CacheTags.post('new'), CacheTags.post('old')])
  })
})

describe('tagsForPostChange, judged from what readers could see', () => {
  const live = { slug: 'a', _status: 'published' as const, updatedAt: '2026-01-01T00:00:00Z' }

  it('a draft saved over a live post touches nothing: the live document was not written', () => {
    expect(tagsForPostChange(live, { ...live })).toEqual([])
  })

  it('editing a live post (the live document rewritten) touches it and every list', () => {
    expect(tagsForPostChange({ ...live, updatedAt: '2026-01-02T00:00:00Z' }, live)).toEqual([
      CacheTags.postLists,
      CacheTags.post('a'),
    ])
  })

  it('deleting a live post touches it and every list', () => {
    expect(tagsForPostChange(null, live)).toEqual([CacheTags.postLists, CacheTags.post('a')])
  })

  it('deleting a post never published touches nothing', () => {
    expect(tagsForPostChange(null, { ...live, _status: 'draft' })).toEqual([])
  })
})

describe('revalidate signatures', () => {
  it('accepts its own signature and refuses others', () => {
    const at = Date.now()
    const sig = revalidateSignature('secret', ['posts'], at)
    expect(isValidRevalidateSignature('secret', ['posts'], at, sig)).toBe(true)
    expect(isValidRevalidateSignature('other', ['posts'], at, sig)).toBe(false)
    expect(isValidRevalidateSignature('secret', ['settings'], at, sig)).toBe(false)
    expect(isValidRevalidateSignature('secret', ['posts'], at + 1, sig)).toBe(false)
    expect(isValidRevalidateSignature('secret', ['posts'], at, 'short')).toBe(false)
    // Tags are signed as a list: ['a,b'] and ['a', 'b'] are not the same request.
    const joined = revalidateSignature('secret', ['a,b'], at)
    expect(isValidRevalidateSignature('secret', ['a', 'b'], at, joined)).toBe(false)
  })

  it('refuses a signed request replayed after a minute', () => {
    const at = Date.now() - REVALIDATE_MAX_AGE_MS - 1
    const sig = revalidateSignature('secret', ['posts'], at)
    expect(isValidRevalidateSignature('secret', ['posts'], at, sig)).toBe(false)
    expect(isValidRevalidateSignature('secret', ['posts'], at, sig, at + 1_000)).toBe(true)
  })
})
