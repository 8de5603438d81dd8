import { handOffThreads, threadsHandedOff } from '@/lib/comments/threadHandoff'
import type { CommentNode } from '@/lib/comments/threads'

const thread = (id: string): CommentNode => ({
  id,
  parentId: null,
  name: 'Rosa Patient',
  website: null,
  body: `Comment ${id}`,
  postedAt: '2026-01-02T10:00:00.000Z',
  isStaff: false,
  depth: 1,
  replies: [],
})

describe('handing threads from the server component to the HTML', () => {
  it('gives back what was handed over, under its own key, as often as it is asked', () => {
    const a = handOffThreads({ threads: [thread('a')], maxDepth: 3 })
    const b = handOffThreads({ threads: [thread('b')], maxDepth: 2 })
    expect(a).not.toBe(b)
    expect(threadsHandedOff(a)?.threads[0]?.body).toBe('Comment a')
    expect(threadsHandedOff(a)?.threads[0]?.body).toBe('Comment a')
    expect(threadsHandedOff(b)?.maxDepth).toBe(2)
    expect(threadsHandedOff('no-such-key')).toBeUndefined()
  })

  it('lets unread threads expire, and never holds more than its bound', () => {
    const now = Date.now() + 3_600_000
    const old = handOffThreads({ threads: [thread('old')], maxDepth: 3 }, now)
    handOffThreads({ threads: [], maxDepth: 3 }, now + 61_000)
    expect(threadsHandedOff(old)).toBeUndefined()

    const keys = Array.from({ length: 300 }, (_, i) =>
      handOffThreads({ threads: [thread(String(i))], maxDepth: 3 }, now + 62_000),
    )
    expect(threadsHandedOff(keys[0]!)).toBeUndefined()
    expect(threadsHandedOff(keys[299]!)?.threads[0]?.id).toBe('299')
    expect(keys.filter((k) => threadsHandedOff(k)).length).toBe(256)
  })
})
