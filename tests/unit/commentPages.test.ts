import {
  commentPage,
  commentPageHref,
  pageOfComment,
  type PagingSettings,
} from '@/lib/comments/pages'
import { buildThreads, type CommentView } from '@/lib/comments/threads'

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString()
const comment = (id: string, minute: number, parentId: string | null = null): CommentView => ({
  id,
  parentId,
  name: `Reader ${id}`,
  website: null,
  body: `Comment ${id}`,
  postedAt: at(minute),
  isStaff: false,
})

// Seven threads t1..t7, oldest first; t2 has a reply posted after every thread, and that reply
// a reply of its own.
const comments = [
  ...Array.from({ length: 7 }, (_, i) => comment(`t${i + 1}`, i)),
  comment('r1', 100, 't2'),
  comment('r2', 101, 'r1'),
]
const threads = buildThreads(comments, 3)
const ids = (page: ReturnType<typeof commentPage>) => page?.threads.map((t) => t.id)
const oldest: PagingSettings = { threadsPerPage: 3, threadOrder: 'oldest' }
const newest: PagingSettings = { threadsPerPage: 3, threadOrder: 'newest' }

describe('pages of comment threads', () => {
  it('splits top-level threads at the setting, oldest first, with the rest on the last page', () => {
    expect([1, 2, 3].map((n) => ids(commentPage(threads, oldest, n)))).toEqual([
      ['t1', 't2', 't3'],
      ['t4', 't5', 't6'],
      ['t7'],
    ])
    expect(commentPage(threads, oldest, 1)?.totalPages).toBe(3)
  })

  it('puts the newest threads first when set, replies still oldest first inside them', () => {
    expect([1, 2, 3].map((n) => ids(commentPage(threads, newest, n)))).toEqual([
      ['t7', 't6', 't5'],
      ['t4', 't3', 't2'],
      ['t1'],
    ])
    const t2 = commentPage(threads, newest, 2)!.threads[2]!
    expect(t2.replies.map((r) => [r.id, r.replies.map((rr) => rr.id)])).toEqual([['r1', ['r2']]])
  })

  it('keeps a reply with its thread, however late it came', () => {
    expect(pageOfComment(threads, oldest, 'r2')).toBe(1)
    expect(pageOfComment(threads, newest, 'r2')).toBe(2)
    expect(pageOfComment(threads, oldest, 't7')).toBe(3)
    expect(pageOfComment(threads, oldest, 'nobody')).toBeNull()
  })

  it('has a first page even with no comments, and no page past the last', () => {
    expect(commentPage([], oldest, 1)).toEqual({ threads: [], page: 1, totalPages: 1 })
    expect(commentPage(threads, oldest, 4)).toBeNull()
    expect(commentPage(threads, oldest, 0)).toBeNull()
  })

  it('puts page 1 at the post itself', () => {
    expect(commentPageHref('massage', 1)).toBe('/posts/massage')
    expect(commentPageHref('massage', 2)).toBe('/posts/massage/comments/2')
  })
})
