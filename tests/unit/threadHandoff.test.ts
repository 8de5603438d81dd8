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
const hand = (id: string, now?: number) =>
  handOffThreads(`v-${id}`, { threads: [thread(id)], maxDepth: 3 }, now)

describe('handing threads from the server component to the HTML', () => {
  it('gives back what was handed over, under its key, as often as it is asked', () => {
    const a = hand('a')
    const b = handOffThreads('v-b', { threads: [thread('b')], maxDepth: 2 })
    expect([a, b]).toEqual(['v-a', 'v-b'])
    expect(threadsHandedOff(a)?.threads[0]?.body).toBe('Comment a')
    expect(threadsHandedOff(a)?.threads[0]?.body).toBe('Comment a')
    expect(threadsHandedOff(b)?.maxDepth).toBe(2)
    expect(threadsHandedOff('no-such-key')).toBeUndefined()
  })

  it('lets unread threads expire', () => {
    const now = Date.now() + 3_600_000
    const old = hand('old', now)
    hand('later', now + 61_000)
    expect(threadsHandedOff(old)).toBeUndefined()
  })

  it('holds the same threads once however often they are rendered', () => {
    const now = Date.now() + 7_200_000
    hand('same', now)
    // Many renders of the same page (a data request each) hand over the same version.
    for (let i = 1; i <= 1000; i++) hand('same', now + i)
    hand('other', now + 2000)
    expect(threadsHandedOff('v-same')?.threads[0]?.id).toBe('same')
    expect(threadsHandedOff('v-other')).toBeDefined()
  })

  it('past its bound drops what is a few seconds old, never a render still under way', () => {
    const now = Date.now() + 10_800_000
    const settled = Array.from({ length: 200 }, (_, i) => hand(`settled-${i}`, now))
    // A burst of new pages within one second: everything just handed over stays readable.
    const burst = Array.from({ length: 600 }, (_, i) => hand(`burst-${i}`, now + 15_000))
    expect(burst.every((k) => threadsHandedOff(k))).toBe(true)
    expect(settled.some((k) => threadsHandedOff(k))).toBe(false)
  })

  it('never holds more than its hard bound, even in a burst', () => {
    const now = Date.now() + 14_400_000
    const keys = Array.from({ length: 5000 }, (_, i) => hand(`flood-${i}`, now))
    expect(keys.filter((k) => threadsHandedOff(k)).length).toBe(4096)
    expect(threadsHandedOff(keys[4999]!)).toBeDefined()
  })
})
