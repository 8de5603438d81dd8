import type { CollectionAfterChangeHook } from 'payload'

import type { Post } from '@/payload-types'

/**
 * A post published with a date still to come stays hidden until then; a job at that time
 * refreshes the cached pages so it appears on the minute (see jobs/expireAtPublication).
 */
export const queueFuturePublication: CollectionAfterChangeHook<Post> = async ({ doc, req }) => {
  if (doc._status !== 'published' || !doc.publishedAt || !doc.slug) return doc
  const at = new Date(doc.publishedAt)
  if (at.getTime() <= Date.now()) return doc
  await req.payload.jobs.queue({
    task: 'expireAtPublication',
    input: { slug: doc.slug },
    waitUntil: at,
    req,
  })
  return doc
}
