import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { Authors } from '@/collections/Authors'
import { Categories } from '@/collections/Categories'
import { Comments } from '@/collections/Comments'
import { Media } from '@/collections/Media'
import { Posts } from '@/collections/Posts'
import { ReusableBlocks } from '@/collections/ReusableBlocks'
import { Tags } from '@/collections/Tags'
import { Users } from '@/collections/Users'
import { ModerationSettings } from '@/globals/ModerationSettings'
import { SiteSettings } from '@/globals/SiteSettings'
import { checkRole } from '@/access/checkRole'
import { ownLockOrAdmin } from '@/access/ownLockOrAdmin'
import { throttleSignIn } from '@/collections/Users/hooks/throttleSignIn'

type Who = 'anonymous' | 'admin' | 'editor' | 'moderator'
const users: Record<Who, { id: number; roles: string[] } | null> = {
  anonymous: null,
  admin: { id: 1, roles: ['admin'] },
  editor: { id: 2, roles: ['editor'] },
  moderator: { id: 3, roles: ['moderator'] },
}
const everyone: Who[] = ['anonymous', 'admin', 'editor', 'moderator']

const run = (access: Access | undefined, who: Who) => {
  if (!access) throw new Error('access rule missing')
  return access({ req: { user: users[who] } } as never)
}

// What each role may do: true, false, or the filter the rule returns instead.
// Published, and dated no later than now (a future date waits for its time).
const published = {
  and: [
    { _status: { equals: 'published' } },
    { publishedAt: { less_than_equal: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } },
  ],
}
const self = (who: Who) => ({ id: { equals: users[who]?.id } })
const writers = { anonymous: false, admin: true, editor: true, moderator: false }
const openRead = { anonymous: true, admin: true, editor: true, moderator: true }
const moderators = { anonymous: false, admin: true, editor: false, moderator: true }
// Approved, on a post readers can see.
const approved = {
  and: [
    { status: { equals: 'approved' } },
    { 'post._status': { equals: 'published' } },
    { 'post.publishedAt': { less_than_equal: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } },
  ],
}

const expected: [CollectionConfig, Record<string, Record<Who, unknown>>][] = [
  [
    Posts,
    {
      read: { anonymous: published, admin: true, editor: true, moderator: true },
      create: writers,
      update: writers,
      delete: writers,
    },
  ],
  ...[Authors, Media, Categories, Tags, ReusableBlocks].map(
    (c): [CollectionConfig, Record<string, Record<Who, unknown>>] => [
      c,
      { read: openRead, create: writers, update: writers, delete: writers },
    ],
  ),
  [
    Comments,
    {
      read: { anonymous: approved, admin: true, editor: approved, moderator: true },
      // Anyone may submit; the screening hook decides what happens to the comment.
      create: openRead,
      update: moderators,
      delete: moderators,
    },
  ],
  [
    Users,
    {
      read: { anonymous: false, admin: true, editor: self('editor'), moderator: self('moderator') },
      create: { anonymous: false, admin: true, editor: false, moderator: false },
      update: {
        anonymous: false,
        admin: true,
        editor: self('editor'),
        moderator: self('moderator'),
      },
      delete: { anonymous: false, admin: true, editor: false, moderator: false },
    },
  ],
]

describe.each(expected)('$slug access', (collection, ops) => {
  for (const [op, byRole] of Object.entries(ops)) {
    it.each(everyone)(`${op} as %s`, (who) => {
      const rule = collection.access?.[op as 'read']
      expect(run(rule, who)).toEqual(byRole[who])
    })
  }
})

describe('site-settings access', () => {
  it.each(everyone)('read as %s is allowed', (who) => {
    expect(run(SiteSettings.access?.read, who)).toBe(true)
  })
  it.each(everyone)('update as %s', (who) => {
    expect(run(SiteSettings.access?.update, who)).toBe(writers[who])
  })
})

describe('users', () => {
  it.each(everyone)('dashboard access as %s', (who) => {
    const rule = Users.access?.admin as (args: unknown) => boolean
    expect(rule({ req: { user: users[who] } })).toBe(who !== 'anonymous')
  })

  it.each(everyone)('only admins may set roles (%s)', (who) => {
    const roles = Users.fields.find((f) => 'name' in f && f.name === 'roles')
    const access = (roles as { access: { create: FieldAccess; update: FieldAccess } }).access
    const args = { req: { user: users[who] } } as never
    expect(access.create(args)).toBe(who === 'admin')
    expect(access.update(args)).toBe(who === 'admin')
  })

  it('never locks an account (anyone could lock staff out); attempts are throttled instead', () => {
    expect(typeof Users.auth === 'object' && Users.auth.maxLoginAttempts).toBe(0)
    expect(Users.hooks?.beforeOperation).toContain(throttleSignIn)
  })
})

describe('authors', () => {
  it.each(everyone)('the linked staff account is visible only to staff (%s)', (who) => {
    const field = Authors.fields.find((f) => 'name' in f && f.name === 'user')
    const read = (field as { access: { read: FieldAccess } }).access.read
    expect(read({ req: { user: users[who] } } as never)).toBe(who !== 'anonymous')
  })
})

describe('checkRole', () => {
  it('matches any of the allowed roles', () => {
    expect(checkRole(['admin', 'editor'], { roles: ['editor'] })).toBe(true)
    expect(checkRole(['admin'], { roles: ['editor', 'moderator'] })).toBe(false)
  })
  it('is false for anonymous users and users without roles', () => {
    expect(checkRole(['admin'], null)).toBe(false)
    expect(checkRole(['admin'], { roles: null })).toBe(false)
    expect(checkRole(['admin'], { roles: [] })).toBe(false)
  })
})

describe('comments: private fields', () => {
  const field = (name: string) =>
    Comments.fields.find((f) => 'name' in f && f.name === name) as {
      access: Record<string, FieldAccess>
    }
  it.each(['authorEmail', 'ipHash', 'userAgent', 'signals', 'status'])(
    '%s is readable by moderators and admins only',
    (name) => {
      for (const who of everyone) {
        const canRead = field(name).access.read!({ req: { user: users[who] } } as never)
        expect([who, canRead]).toEqual([who, who === 'admin' || who === 'moderator'])
      }
    },
  )
  it.each(['commenterKey', 'bodyFingerprint'])('%s is never read through any API', (name) => {
    for (const who of everyone) {
      expect(field(name).access.read!({ req: { user: users[who] } } as never)).toBe(false)
    }
  })
  it.each([
    'ipHash',
    'userAgent',
    'signals',
    'isStaffReply',
    'threadDepth',
    'submittedAt',
    'commenterKey',
    'bodyFingerprint',
  ])('%s is set by the server only, through any API', (name) => {
    for (const who of everyone) {
      expect(field(name).access.create!({ req: { user: users[who] } } as never)).toBe(false)
      expect(field(name).access.update!({ req: { user: users[who] } } as never)).toBe(false)
    }
  })
  it.each(everyone)('only moderators and admins may set a status (%s)', (who) => {
    const status = field('status').access
    expect(status.create!({ req: { user: users[who] } } as never)).toBe(
      who === 'admin' || who === 'moderator',
    )
  })
})

describe('moderation settings', () => {
  it.each(everyone)('read by moderators and admins, written by admins (%s)', (who) => {
    expect(run(ModerationSettings.access?.read, who)).toBe(who === 'admin' || who === 'moderator')
    expect(run(ModerationSettings.access?.update, who)).toBe(who === 'admin')
  })
})

describe('editing locks', () => {
  it.each(everyone)('only their owner or an admin may remove one (%s)', (who) => {
    const expected =
      who === 'anonymous'
        ? false
        : who === 'admin'
          ? true
          : { 'user.value': { equals: users[who]?.id } }
    expect(run(ownLockOrAdmin, who)).toEqual(expected)
  })
})
