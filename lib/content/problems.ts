import type { Payload } from 'payload'

export type BrokenPost = { id: string; title: string; missing: string[] }
export type ReviewDue = { id: string; title: string; lastReviewedAt: string | null }

/**
 * Posts (drafts too) whose content inserts a reusable block that does not exist: imported
 * content, or a database edited by hand. Readers see nothing there; staff see this list.
 */
export const findMissingBlockReferences = async (payload: Payload): Promise<BrokenPost[]> => {
  const { docs: posts } = await payload.find({
    collection: 'posts',
    where: { blockRefs: { exists: true } },
    draft: true,
    depth: 0,
    limit: 1000,
    pagination: false,
    select: { title: true, blockRefs: true },
  })
  const referenced = new Set(posts.flatMap((p) => (p.blockRefs ?? '').split(',').filter(Boolean)))
  if (referenced.size === 0) return []
  const { docs: blocks } = await payload.find({
    collection: 'reusable-blocks',
    where: { id: { in: [...referenced] } },
    depth: 0,
    limit: referenced.size,
    pagination: false,
    select: { title: true },
  })
  const existing = new Set(blocks.map((b) => String(b.id)))
  return posts.flatMap((p) => {
    const missing = (p.blockRefs ?? '').split(',').filter((id) => id && !existing.has(id))
    return missing.length ? [{ id: String(p.id), title: p.title, missing }] : []
  })
}

/** The date before which a medical review counts as out of date. */
export const reviewCutoff = (maxAgeDays: number, now = Date.now()): string =>
  new Date(now - maxAgeDays * 86_400_000).toISOString()

/** Published posts never medically reviewed, or last reviewed before the cutoff, oldest first. */
export const findReviewsDue = async (
  payload: Payload,
  maxAgeDays: number,
): Promise<{ total: number; posts: ReviewDue[] }> => {
  const { docs, totalDocs } = await payload.find({
    collection: 'posts',
    where: {
      and: [
        { _status: { equals: 'published' } },
        {
          or: [
            { lastReviewedAt: { exists: false } },
            { lastReviewedAt: { less_than: reviewCutoff(maxAgeDays) } },
          ],
        },
      ],
    },
    sort: 'lastReviewedAt',
    depth: 0,
    limit: 10,
    select: { title: true, lastReviewedAt: true },
  })
  return {
    total: totalDocs,
    posts: docs.map((d) => ({
      id: String(d.id),
      title: d.title,
      lastReviewedAt: d.lastReviewedAt ?? null,
    })),
  }
}
