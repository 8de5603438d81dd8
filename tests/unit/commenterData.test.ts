import { digestEmail, digestSubject } from '@/lib/comments/digestEmail'
import { commenterEraseSchema, commenterExportSchema } from '@/lib/schemas/commenterData'

describe('commenter data requests', () => {
  it('take an email, trimmed and lower-cased', () => {
    expect(commenterExportSchema.parse({ email: ' Rosa@Example.COM ' })).toEqual({
      email: 'rosa@example.com',
    })
  })

  it('refuse what is not an email, and an erase without its confirmation', () => {
    expect(commenterExportSchema.safeParse({ email: 'rosa' }).success).toBe(false)
    expect(commenterExportSchema.safeParse({}).success).toBe(false)
    expect(commenterEraseSchema.safeParse({ email: 'rosa@example.com' }).success).toBe(false)
    expect(
      commenterEraseSchema.safeParse({ email: 'rosa@example.com', confirm: 'yes' }).success,
    ).toBe(false)
    expect(
      commenterEraseSchema.safeParse({ email: 'rosa@example.com', confirm: true }).success,
    ).toBe(true)
  })
})

describe('the moderation digest', () => {
  it('counts what waits in its subject', () => {
    expect(digestSubject(1)).toBe('1 comment awaits moderation')
    expect(digestSubject(3)).toBe('3 comments await moderation')
  })

  it('lists at most twenty comments, defanged, and counts the rest', () => {
    const comments = Array.from({ length: 23 }, (_, i) => ({
      id: String(i),
      authorName: `Reader ${i}`,
      postTitle: 'Massage',
      body: `See http://spam.example/${i}`,
      signals: ['3 links'],
    }))
    const { subject, text } = digestEmail({ comments, pending: 40, serverUrl: 'https://clinic' })
    expect(subject).toBe('40 comments await moderation')
    expect(text).toContain('http[:]//spam.example/0')
    expect(text).not.toContain('http://')
    expect(text).toContain('https://clinic/admin/collections/comments/19')
    expect(text).not.toContain('/admin/collections/comments/20\n')
    expect(text).toContain('And 3 more.')
  })
})
