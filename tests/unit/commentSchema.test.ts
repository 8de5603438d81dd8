import {
  COMMENT_INPUTS,
  COMMENT_LIMITS,
  commentFromForm,
  commentSchema,
  inputErrorsOf,
  isCommentField,
  issuesOf,
} from '@/lib/schemas/comment'

const valid = {
  post: '12',
  authorName: 'Rosa Patient',
  authorEmail: 'rosa@example.com',
  authorWebsite: '',
  body: 'This helped my back.',
  formToken: '12.1.abc',
  homepage: '',
}

const errorsFor = (input: Record<string, unknown>) => {
  const r = commentSchema.safeParse(input)
  return r.success ? {} : Object.fromEntries(issuesOf(r.error).map((e) => [e.path, e.message]))
}

describe('commentSchema', () => {
  it('accepts a valid comment, trimming text and dropping an empty website', () => {
    const r = commentSchema.parse({ ...valid, authorName: '  Rosa Patient ', body: '  Hi there  ' })
    expect(r).toMatchObject({ authorName: 'Rosa Patient', body: 'Hi there' })
    expect(r.authorWebsite).toBeUndefined()
    expect(r.parent).toBeUndefined()
  })

  it.each([
    [{ authorName: '' }, 'authorName', 'Please enter your name.'],
    [{ authorName: '   ' }, 'authorName', 'Please enter your name.'],
    [
      { authorName: 'x'.repeat(COMMENT_LIMITS.nameMax + 1) },
      'authorName',
      'Please keep your name under 80 characters.',
    ],
    [{ authorName: '<script>' }, 'authorName', 'Your name cannot contain < or >.'],
    [{ authorEmail: '' }, 'authorEmail', 'Please enter your email address.'],
    [
      { authorEmail: 'not-an-email' },
      'authorEmail',
      'Please enter a valid email address, like name@example.com.',
    ],
    [
      { authorWebsite: 'javascript:alert(1)' },
      'authorWebsite',
      'Please enter a website starting with http:// or https://.',
    ],
    [
      { authorWebsite: 'ftp://example.com' },
      'authorWebsite',
      'Please enter a website starting with http:// or https://.',
    ],
    [{ body: 'x' }, 'body', 'Please write a comment of at least 2 characters.'],
    [
      { body: 'x'.repeat(COMMENT_LIMITS.bodyMax + 1) },
      'body',
      'Please keep your comment under 5000 characters.',
    ],
    [{ formToken: '' }, 'formToken', 'The form expired. Please reload the page.'],
    [{ parent: '1 OR 1=1' }, 'parent', 'That reply target is not valid.'],
    [{ authorName: '\u200b\u200b' }, 'authorName', 'Please enter your name.'],
    [{ authorName: '\u00ad\u2060' }, 'authorName', 'Please enter your name.'],
    [
      { authorName: 'Rosa\u202eesoR' },
      'authorName',
      'Your name cannot contain line breaks or invisible characters.',
    ],
    [
      { authorName: 'Rosa\nPatient' },
      'authorName',
      'Your name cannot contain line breaks or invisible characters.',
    ],
    [
      { authorName: 'Ro\u200bsa' },
      'authorName',
      'Your name cannot contain line breaks or invisible characters.',
    ],
    [{ body: '\u200b\u200b\u200b' }, 'body', 'Please write a comment of at least 2 characters.'],
    [
      { authorName: 'Za\u0301\u0302\u0303\u0304\u0305\u0306lgo' },
      'authorName',
      'Your name has too many accents on one letter.',
    ],
    [{ authorName: '\u2800' }, 'authorName', 'Please enter your name.'],
  ])('%j -> %s: %s', (change, field, message) => {
    expect(errorsFor({ ...valid, ...change })).toEqual({ [field]: message })
  })

  it('reports every invalid field at once', () => {
    expect(
      Object.keys(errorsFor({ ...valid, authorName: '', authorEmail: 'x', body: '' })),
    ).toEqual(['authorName', 'authorEmail', 'body'])
  })

  it('drops control characters and noncharacters from a comment, keeping its lines', () => {
    expect(commentSchema.parse({ ...valid, body: 'Line\u0000 one\uFFFF\nLine two' }).body).toBe(
      'Line one\nLine two',
    )
  })

  it('accepts names in any script, emoji included, with spaces tidied', () => {
    for (const name of ['José Martínez', 'علی‌رضا', 'Rosa 🏃‍♀️', '王小明']) {
      expect(commentSchema.parse({ ...valid, authorName: name }).authorName).toBe(name)
    }
    expect(commentSchema.parse({ ...valid, authorName: 'Rosa   Patient' }).authorName).toBe(
      'Rosa Patient',
    )
  })

  it('accepts ids of every database: numbers, MongoDB ObjectIds, uuids', () => {
    for (const postId of [
      '12',
      '65f0c0ffee0123456789abcd',
      '0b9e4c1a-5d2e-4f8a-9c3b-7e6d5f4a3b2c',
    ]) {
      expect(commentSchema.parse({ ...valid, post: postId }).post).toBe(postId)
    }
  })

  it('takes ids as strings or numbers, kept as they came', () => {
    const r = commentSchema.parse({ ...valid, post: 12, parent: '65f0c0ffee0123456789abcd' })
    expect(r.post).toBe(12)
    expect(r.parent).toBe('65f0c0ffee0123456789abcd')
    expect(commentSchema.parse({ ...valid, parent: 7 }).parent).toBe(7)
    expect(commentSchema.parse({ ...valid, parent: '' }).parent).toBeUndefined()
    expect(errorsFor({ ...valid, post: { id: 12 } })).toEqual({
      post: 'That reply target is not valid.',
    })
    expect(errorsFor({ ...valid, post: undefined })).toEqual({
      post: 'That reply target is not valid.',
    })
  })

  it('accepts http and https websites', () => {
    expect(
      commentSchema.parse({ ...valid, authorWebsite: 'https://example.com/me' }).authorWebsite,
    ).toBe('https://example.com/me')
    expect(
      commentSchema.parse({ ...valid, authorWebsite: 'http://example.com' }).authorWebsite,
    ).toBe('http://example.com')
  })
})

describe('the form’s inputs and the collection’s fields', () => {
  it('reads a posted form by field name', () => {
    const form = new FormData()
    for (const [input, value] of Object.entries({
      postId: '12',
      parentId: '',
      name: 'Rosa Patient',
      email: 'rosa@example.com',
      website: '',
      body: 'This helped my back.',
      token: '12.1.abc',
    }))
      form.set(input, value)
    expect(commentFromForm(form)).toEqual({ ...valid, parent: '', homepage: undefined })
    expect(commentSchema.parse(commentFromForm(form)).authorName).toBe('Rosa Patient')
  })

  it('puts errors by field path under the form’s inputs, and others apart', () => {
    expect(
      inputErrorsOf([
        { path: 'authorName', message: 'Please enter your name.' },
        { path: 'authorEmail', message: 'Bad email.' },
        { path: 'authorName', message: 'A second message.' },
        { path: 'parent', message: 'Not available.' },
        { path: 'excerpt', message: 'Something else.' },
      ]),
    ).toEqual({
      byInput: { name: 'Please enter your name.', email: 'Bad email.', parentId: 'Not available.' },
      other: ['Something else.'],
    })
  })

  it('names an input for every field of the schema, and no other', () => {
    expect(Object.keys(COMMENT_INPUTS).sort()).toEqual(Object.keys(commentSchema.shape).sort())
    expect(isCommentField('authorWebsite')).toBe(true)
    expect(isCommentField('website')).toBe(false)
    expect(isCommentField('toString')).toBe(false)
  })
})
