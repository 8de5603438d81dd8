import { COMMENT_LIMITS, commentSchema, fieldErrorsOf } from '@/lib/schemas/comment'

const valid = {
  postId: '12',
  name: 'Rosa Patient',
  email: 'rosa@example.com',
  website: '',
  body: 'This helped my back.',
  token: '12.1.abc',
  homepage: '',
}

const errorsFor = (input: Record<string, unknown>) => {
  const r = commentSchema.safeParse(input)
  return r.success ? {} : fieldErrorsOf(r.error)
}

describe('commentSchema', () => {
  it('accepts a valid comment, trimming text and dropping an empty website', () => {
    const r = commentSchema.parse({ ...valid, name: '  Rosa Patient ', body: '  Hi there  ' })
    expect(r).toMatchObject({ name: 'Rosa Patient', body: 'Hi there' })
    expect(r.website).toBeUndefined()
    expect(r.parentId).toBeUndefined()
  })

  it.each([
    [{ name: '' }, 'name', 'Please enter your name.'],
    [{ name: '   ' }, 'name', 'Please enter your name.'],
    [
      { name: 'x'.repeat(COMMENT_LIMITS.nameMax + 1) },
      'name',
      'Please keep your name under 80 characters.',
    ],
    [{ name: '<script>' }, 'name', 'Your name cannot contain < or >.'],
    [{ email: '' }, 'email', 'Please enter your email address.'],
    [
      { email: 'not-an-email' },
      'email',
      'Please enter a valid email address, like name@example.com.',
    ],
    [
      { website: 'javascript:alert(1)' },
      'website',
      'Please enter a website starting with http:// or https://.',
    ],
    [
      { website: 'ftp://example.com' },
      'website',
      'Please enter a website starting with http:// or https://.',
    ],
    [{ body: 'x' }, 'body', 'Please write a comment of at least 2 characters.'],
    [
      { body: 'x'.repeat(COMMENT_LIMITS.bodyMax + 1) },
      'body',
      'Please keep your comment under 5000 characters.',
    ],
    [{ token: '' }, 'token', 'The form expired. Please reload the page.'],
    [{ parentId: '1 OR 1=1' }, 'parentId', 'That reply target is not valid.'],
    [{ name: '\u200b\u200b' }, 'name', 'Please enter your name.'],
    [{ name: '\u00ad\u2060' }, 'name', 'Please enter your name.'],
    [
      { name: 'Rosa\u202eesoR' },
      'name',
      'Your name cannot contain line breaks or invisible characters.',
    ],
    [
      { name: 'Rosa\nPatient' },
      'name',
      'Your name cannot contain line breaks or invisible characters.',
    ],
    [
      { name: 'Ro\u200bsa' },
      'name',
      'Your name cannot contain line breaks or invisible characters.',
    ],
    [{ body: '\u200b\u200b\u200b' }, 'body', 'Please write a comment of at least 2 characters.'],
    [
      { name: 'Za\u0301\u0302\u0303\u0304\u0305\u0306lgo' },
      'name',
      'Your name has too many accents on one letter.',
    ],
    [{ name: '\u2800' }, 'name', 'Please enter your name.'],
  ])('%j -> %s: %s', (change, field, message) => {
    expect(errorsFor({ ...valid, ...change })).toEqual({ [field]: message })
  })

  it('reports every invalid field at once', () => {
    expect(Object.keys(errorsFor({ ...valid, name: '', email: 'x', body: '' }))).toEqual([
      'name',
      'email',
      'body',
    ])
  })

  it('drops control characters and noncharacters from a comment, keeping its lines', () => {
    expect(commentSchema.parse({ ...valid, body: 'Line\u0000 one\uFFFF\nLine two' }).body).toBe(
      'Line one\nLine two',
    )
  })

  it('accepts names in any script, emoji included, with spaces tidied', () => {
    for (const name of ['José Martínez', 'علی‌رضا', 'Rosa 🏃‍♀️', '王小明']) {
      expect(commentSchema.parse({ ...valid, name }).name).toBe(name)
    }
    expect(commentSchema.parse({ ...valid, name: 'Rosa   Patient' }).name).toBe('Rosa Patient')
  })

  it('accepts ids of every database: numbers, MongoDB ObjectIds, uuids', () => {
    for (const postId of [
      '12',
      '65f0c0ffee0123456789abcd',
      '0b9e4c1a-5d2e-4f8a-9c3b-7e6d5f4a3b2c',
    ]) {
      expect(commentSchema.parse({ ...valid, postId }).postId).toBe(postId)
    }
  })

  it('accepts http and https websites', () => {
    expect(commentSchema.parse({ ...valid, website: 'https://example.com/me' }).website).toBe(
      'https://example.com/me',
    )
    expect(commentSchema.parse({ ...valid, website: 'http://example.com' }).website).toBe(
      'http://example.com',
    )
  })
})
