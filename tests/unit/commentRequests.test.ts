import type { IncomingMessage } from 'node:http'

import { tagsForCommentChange } from '@/collections/Comments/hooks/revalidateComment'
import { addressKey, clientIp, hashIp } from '@/lib/comments/client'
import { commentsClosedReason } from '@/lib/comments/closing'
import { checkFormToken, issueFormToken, MIN_SECONDS_TO_SUBMIT } from '@/lib/comments/formToken'
import { buildThreads, commentCountLabel, type CommentView } from '@/lib/comments/threads'
import { stampClientAddress } from '@/scripts/clientAddress.mjs'

describe('form tokens', () => {
  const now = Date.UTC(2026, 10, 26, 12)
  it('accepts a token for its post after the minimum time', () => {
    const token = issueFormToken('s', 7, now)
    expect(checkFormToken('s', token, 7, now + (MIN_SECONDS_TO_SUBMIT + 1) * 1000)).toEqual({
      ok: true,
      nonce: expect.stringMatching(/^[\w-]{12}$/),
    })
  })
  it('gives each token its own nonce, so each can be used once', () => {
    const nonceOf = (t: string) =>
      (checkFormToken('s', t, 7, now + 10_000) as { nonce: string }).nonce
    expect(nonceOf(issueFormToken('s', 7, now))).not.toBe(nonceOf(issueFormToken('s', 7, now)))
  })
  it('refuses a token after two days: the page re-renders daily, the form asks for fresh ones', () => {
    const token = issueFormToken('s', 7, now)
    expect(checkFormToken('s', token, 7, now + 47 * 3_600_000).ok).toBe(true)
    expect(checkFormToken('s', token, 7, now + 49 * 3_600_000)).toEqual({
      ok: false,
      reason: 'expired',
    })
  })
  it('refuses a submission faster than a person types', () => {
    const token = issueFormToken('s', 7, now)
    expect(checkFormToken('s', token, 7, now + 1000)).toEqual({ ok: false, reason: 'too-fast' })
  })
  it('refuses an old token, a forged one, and one for another post', () => {
    const token = issueFormToken('s', 7, now)
    expect(checkFormToken('s', token, 7, now + 3 * 86_400_000)).toEqual({
      ok: false,
      reason: 'expired',
    })
    expect(checkFormToken('other-secret', token, 7, now + 10_000)).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(checkFormToken('s', token, 8, now + 10_000)).toEqual({ ok: false, reason: 'invalid' })
    expect(checkFormToken('s', '7.123.abc', 7, now)).toEqual({ ok: false, reason: 'invalid' })
    // A token of the old shape (no nonce), replayed, is no longer accepted.
    const [post, issued, , mac] = token.split('.')
    expect(checkFormToken('s', `${post}.${issued}.${mac}`, 7, now + 10_000)).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(checkFormToken('s', '', 7, now)).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('the address npm start stamps on each request', () => {
  const stamp = (sent: string | undefined, hops: number, peer = '203.0.113.9') => {
    const req = {
      socket: { remoteAddress: peer },
      headers: sent === undefined ? {} : { 'x-forwarded-for': sent },
    } as unknown as IncomingMessage
    stampClientAddress(req, hops)
    return clientIp(new Headers({ 'x-forwarded-for': String(req.headers['x-forwarded-for']) }), {
      TRUSTED_PROXY_HOPS: String(hops),
    } as unknown as NodeJS.ProcessEnv)
  }

  it('exposed directly, the connection decides: a forged header is dropped', () => {
    expect(stamp('1.2.3.4', 0)).toBe('203.0.113.9')
    expect(stamp('1.2.3.4, 5.6.7.8', 0)).toBe('203.0.113.9')
    expect(stamp(undefined, 0)).toBe('203.0.113.9')
  })

  it('behind one proxy, the address that proxy appended; what the client wrote is ignored', () => {
    // The client sent "6.6.6.6"; the proxy appended the reader's real address 198.51.100.7 and
    // connected from 10.0.0.2.
    expect(stamp('6.6.6.6, 198.51.100.7', 1, '10.0.0.2')).toBe('198.51.100.7')
  })
})

describe('address keys', () => {
  it('keeps IPv4 whole and reads an IPv4 address written the IPv6 way as IPv4', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9')
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9')
  })
  it('counts an IPv6 address by its /64, however it is written', () => {
    const key = addressKey('2001:db8:0:12::1')
    expect(key).toBe('2001:db8:0:12::/64')
    for (const same of [
      '2001:db8::12:abcd:ef01:2345:6789',
      '2001:0db8:0000:0012:ffff::9',
      '2001:DB8:0:12::1%eth0',
    ]) {
      expect([same, addressKey(same)]).toEqual([same, key])
    }
    expect(addressKey('2001:db8:0:13::1')).not.toBe(key)
    expect(hashIp('s', '2001:db8:0:12::1')).toBe(hashIp('s', '2001:db8:0:12::2'))
  })
})

describe('client IP', () => {
  const h = (init: Record<string, string>) => new Headers(init)
  const env = (vars: Record<string, string> = {}) => vars as unknown as NodeJS.ProcessEnv
  it('takes the hop nearest the server from x-forwarded-for', () => {
    expect(clientIp(h({ 'x-forwarded-for': '1.1.1.1, 10.0.0.2' }), env())).toBe('10.0.0.2')
    expect(
      clientIp(h({ 'x-forwarded-for': '1.1.1.1, 10.0.0.2' }), env({ TRUSTED_PROXY_HOPS: '1' })),
    ).toBe('1.1.1.1')
  })
  it('never reads x-real-ip, which a client can write; "unknown" without an address', () => {
    expect(clientIp(h({ 'x-real-ip': '2.2.2.2' }), env())).toBe('unknown')
    expect(clientIp(h({}), env())).toBe('unknown')
  })
  it('hashes with a salt: stable, not reversible by eye, different per secret', () => {
    expect(hashIp('a', '1.1.1.1')).toBe(hashIp('a', '1.1.1.1'))
    expect(hashIp('a', '1.1.1.1')).not.toContain('1.1.1.1')
    expect(hashIp('a', '1.1.1.1')).not.toBe(hashIp('b', '1.1.1.1'))
  })
})

describe('commentsClosedReason', () => {
  const now = Date.UTC(2026, 0, 31)
  it('is open by default', () => {
    expect(
      commentsClosedReason({ commentsOpen: true, publishedAt: '2020-01-01' }, 0, now),
    ).toBeNull()
  })
  it('closes when staff switch comments off, or the post is older than the setting', () => {
    expect(commentsClosedReason({ commentsOpen: false }, 0, now)).toMatch(/closed/)
    expect(commentsClosedReason({ publishedAt: '2026-01-01' }, 10, now)).toMatch(/closed/)
    expect(commentsClosedReason({ publishedAt: '2026-01-25' }, 10, now)).toBeNull()
  })
  it('refuses an unknown or unpublished post', () => {
    expect(commentsClosedReason(undefined, 0, now)).toMatch(/cannot be commented/)
  })
})

describe('buildThreads', () => {
  const c = (id: string, parentId: string | null, minute: number): CommentView => ({
    id,
    parentId,
    name: id,
    website: null,
    body: id,
    postedAt: `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
    isStaff: false,
  })
  it('nests replies under parents, oldest first', () => {
    const threads = buildThreads([c('b', null, 2), c('a', null, 1), c('a1', 'a', 3)], 3)
    expect(threads.map((t) => t.id)).toEqual(['a', 'b'])
    expect(threads[0]?.replies.map((r) => [r.id, r.depth])).toEqual([['a1', 2]])
  })
  it('flattens replies past the depth limit into the deepest level', () => {
    const threads = buildThreads([c('a', null, 1), c('b', 'a', 2), c('c', 'b', 3)], 2)
    expect(threads[0]?.replies.map((r) => r.id)).toEqual(['b', 'c'])
  })
  it('keeps a reply whose parent is not shown, at the top level', () => {
    expect(buildThreads([c('orphan', 'gone', 1)], 3).map((t) => t.id)).toEqual(['orphan'])
  })
  it('ends, with every comment shown once, when data loops: a self-parent, a pair, a ring past the depth', () => {
    const count = (nodes: ReturnType<typeof buildThreads>): number =>
      nodes.reduce((n, node) => n + 1 + count(node.replies), 0)
    for (const depth of [1, 2, 3]) {
      const loops = [
        [c('self', 'self', 1)],
        [c('a', 'b', 1), c('b', 'a', 2)],
        [c('a', 'c', 1), c('b', 'a', 2), c('c', 'b', 3), c('d', 'c', 4)],
      ]
      for (const comments of loops)
        expect(count(buildThreads(comments, depth))).toBe(comments.length)
    }
  })
  it('labels the count', () => {
    expect([0, 1, 12].map(commentCountLabel)).toEqual([
      'No comments yet',
      '1 Comment',
      '12 Comments',
    ])
  })
})

describe('tagsForCommentChange', () => {
  it('touches the post only when the comment was or is approved', () => {
    expect(tagsForCommentChange({ post: 3, status: 'pending' }, null)).toEqual([])
    expect(
      tagsForCommentChange({ post: 3, status: 'approved' }, { post: 3, status: 'pending' }),
    ).toEqual(['comments:3', 'comments'])
    expect(
      tagsForCommentChange({ post: { id: 3 }, status: 'trash' }, { post: 3, status: 'approved' }),
    ).toEqual(['comments:3', 'comments'])
  })
})
