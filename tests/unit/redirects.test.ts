import {
  customRedirectLocation,
  normalizeRedirectPath,
  parseRedirectTarget,
  redirectPostId,
} from '@/lib/redirects'

describe('normalizeRedirectPath', () => {
  it.each([
    ['/my-old-post/', '/my-old-post'],
    ['my-old-post', '/my-old-post'],
    ['//2019//05/post/?utm=1#top', '/2019/05/post'],
    ['/espalda-%F0%9F%A7%98', '/espalda-🧘'],
    ['/100%-sure', '/100%-sure'],
    ['/', '/'],
  ])('%s is spelled %s', (input, expected) => {
    expect(normalizeRedirectPath(input)).toBe(expected)
  })
})

describe('parseRedirectTarget', () => {
  it.each([
    '/\\evil.example/x',
    '//evil.example/x',
    '/\\/evil.example',
    'javascript:alert(1)',
    'posts/x',
  ])('refuses %s', (value) => expect(parseRedirectTarget(value)).toBeNull())

  it('reads a local path and a full address as browsers do', () => {
    expect(parseRedirectTarget('/posts/./a?x=1#y')).toEqual({
      kind: 'local',
      path: '/posts/a?x=1#y',
    })
    expect(parseRedirectTarget('https://partner.example/p')).toEqual({
      kind: 'external',
      url: 'https://partner.example/p',
    })
  })
})

describe('a stored target', () => {
  it('names its post whether the id is a number, a string (MongoDB) or a populated post', () => {
    const to = (value: unknown) => ({
      type: 'reference' as const,
      reference: { relationTo: 'posts', value },
    })
    expect(redirectPostId(to(7))).toBe(7)
    expect(redirectPostId(to('6571f0c2a9e1b2c3d4e5f601'))).toBe('6571f0c2a9e1b2c3d4e5f601')
    expect(redirectPostId(to({ id: 'abc', slug: 'x' }))).toBe('abc')
    expect(redirectPostId(to(null))).toBeNull()
  })

  it('names no post for a custom address, or a reference to anything but a post', () => {
    expect(redirectPostId({ type: 'custom', url: '/x', reference: null })).toBeNull()
    expect(
      redirectPostId({ type: 'reference', reference: { relationTo: 'media', value: 1 } }),
    ).toBeNull()
    expect(redirectPostId(null)).toBeNull()
  })

  it('sends a custom address on only when it is a safe one', () => {
    expect(customRedirectLocation({ type: 'custom', url: '/posts/./a' })).toBe('/posts/a')
    expect(customRedirectLocation({ type: 'custom', url: '/\\evil.example' })).toBeNull()
    expect(customRedirectLocation({ type: 'reference', url: '/posts/a' })).toBeNull()
    expect(customRedirectLocation({ type: 'custom', url: null })).toBeNull()
  })

  it('still follows a redirect stored before the plugin (MongoDB keeps `to` as text)', () => {
    expect(customRedirectLocation('/posts/a')).toBe('/posts/a')
    expect(customRedirectLocation('//evil.example')).toBeNull()
  })
})
