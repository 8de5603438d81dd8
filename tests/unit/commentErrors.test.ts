import { defang } from '@/lib/comments/digestEmail'
import { formatRefusal } from '@/hooks/formatRefusal'
import { publicRefusalOf } from '@/lib/comments/errors'

describe('publicRefusalOf', () => {
  it('reads a validation refusal with its field messages', () => {
    const error = {
      status: 400,
      message: 'The following field is invalid: authorName',
      data: { errors: [{ path: 'authorName', message: 'Please enter your name.' }] },
    }
    expect(publicRefusalOf(error)).toEqual({
      status: 400,
      message: 'The following field is invalid: authorName',
      fieldErrors: [{ path: 'authorName', message: 'Please enter your name.' }],
    })
  })
  it('reads a public refusal', () => {
    expect(publicRefusalOf({ status: 429, message: 'Please wait.', isPublic: true })).toEqual({
      status: 429,
      message: 'Please wait.',
      fieldErrors: [],
    })
  })
  it('never exposes server errors or private messages', () => {
    expect(publicRefusalOf(new Error('SQLITE_BUSY: database is locked'))).toBeNull()
    expect(publicRefusalOf({ status: 500, message: 'boom', isPublic: true })).toBeNull()
    expect(publicRefusalOf({ status: 403, message: 'internal detail' })).toBeNull()
    expect(publicRefusalOf(null)).toBeNull()
  })
})

describe('formatRefusal', () => {
  it('answers REST with Payload’s validation error shape', () => {
    const error = {
      status: 400,
      message: 'Invalid',
      data: { errors: [{ path: 'body', message: 'Too short.' }] },
    }
    expect(formatRefusal({ error, collection: { slug: 'comments' } } as never)).toEqual({
      status: 400,
      response: {
        errors: [
          {
            name: 'ValidationError',
            message: 'Invalid',
            data: { collection: 'comments', errors: [{ path: 'body', message: 'Too short.' }] },
          },
        ],
      },
    })
  })
  it('leaves other errors to Payload', () => {
    expect(formatRefusal({ error: new Error('boom') } as never)).toBeUndefined()
  })
})

describe('moderator emails', () => {
  it('quote a comment’s links unclickable', () => {
    expect(defang('see https://evil.example/x and www.evil.example or HTTP://A.example')).toBe(
      'see https[:]//evil.example/x and www[.]evil.example or HTTP[:]//A.example',
    )
  })
})
