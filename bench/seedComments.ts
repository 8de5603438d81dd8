import type { Payload } from 'payload'

import {
  COMMENTER_COOKIE,
  commenterIdOf,
  commenterKey,
  newCommenterCookie,
} from '@/lib/comments/commenterCookie'

/**
 * Exactly `count` approved comments on a post, every fourth one a reply to the one before, as
 * moderated comments would arrive from an import (no screening, already approved). The post's
 * own comments (the demo's) go first, so every run measures the same page.
 */
export const seedBenchComments = async (payload: Payload, postId: number, count: number) => {
  await payload.delete({
    collection: 'comments',
    where: { post: { equals: postId } },
    context: { disableRevalidate: true },
  })
  let previous: { id: number } | undefined
  for (let i = 1; i <= count; i++) {
    const isReply = i % 4 === 0 && previous
    previous = await payload.create({
      collection: 'comments',
      data: {
        post: postId,
        parent: isReply ? previous!.id : undefined,
        threadDepth: isReply ? 2 : 1,
        authorName: `Reader ${i}`,
        authorEmail: `reader${i}@example.com`,
        body: `Comment ${i}: the stretching advice helped my shoulder after a week. Thank you!`,
        status: 'approved',
        submittedAt: new Date(Date.now() - (count - i) * 3_600_000).toISOString(),
      },
      context: { trustedImport: true },
      depth: 0,
    })
  }
}

/**
 * A reader whose earlier comment, sent from a browser holding the returned cookie, was
 * approved: with that cookie and email their next comment is published at once.
 */
export const seedReturningReader = async (payload: Payload, postId: number, email: string) => {
  const value = newCommenterCookie(payload.secret)
  await payload.create({
    collection: 'comments',
    data: {
      post: postId,
      authorName: 'Returning Reader',
      authorEmail: email,
      body: 'My first comment here, approved long ago.',
      status: 'approved',
      commenterKey: commenterKey(payload.secret, commenterIdOf(payload.secret, value)!),
    },
    context: { trustedImport: true },
    depth: 0,
  })
  return { email, cookie: `${COMMENTER_COOKIE}=${value}` }
}
