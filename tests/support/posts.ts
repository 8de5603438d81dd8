import type { Payload } from 'payload'

import { document } from '@/tools/seed/lexical'

/** What a test needs a post to be, as readers would find it. */
export type PostKind = 'live' | 'draft' | 'future' | 'closed'

const DAY_MS = 86_400_000

/**
 * A post of the given kind with a one-line body: live (published now), a draft never
 * published, published with a date a week ahead, or live with comments switched off.
 */
export const createTestPost = (payload: Payload, kind: PostKind, title: string) =>
  payload.create({
    collection: 'posts',
    draft: kind === 'draft',
    data: {
      title,
      content: document([{ type: 'p', text: 'Body.' }], () => 0) as never,
      _status: kind === 'draft' ? 'draft' : 'published',
      ...(kind === 'future' && { publishedAt: new Date(Date.now() + 7 * DAY_MS).toISOString() }),
      ...(kind === 'closed' && { commentsOpen: false }),
    },
  })
