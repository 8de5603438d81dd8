import { tagsForPostChange } from '@/collections/Posts/hooks/revalidatePost'
import { CacheTags } from '@/lib/cacheTags'
import { isValidRevalidateSignature, revalidateSignature } from '@/lib/revalidate'

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

describe('revalidate signatures', () => {
  it('accepts its own signature and refuses others', () => {
    const sig = revalidateSignature('secret', ['posts'])
    expect(isValidRevalidateSignature('secret', ['posts'], sig)).toBe(true)
    expect(isValidRevalidateSignature('other', ['posts'], sig)).toBe(false)
    expect(isValidRevalidateSignature('secret', ['settings'], sig)).toBe(false)
    expect(isValidRevalidateSignature('secret', ['posts'], 'short')).toBe(false)
  })
})
