import type { Payload } from 'payload'

import { REUSABLE_BLOCK_SLUG } from './blocks'
import { type LexicalContent, reusableBlockIds } from './lexical'
import type { DocId } from '@/lib/docId'

export type BrokenPost = { id: string; title: string; missing: string[] }
export type ReviewDue = { id: string; title: string; lastReviewedAt: string | null }

/**
 * Posts (published or draft) whose content inserts a reusable block that does not exist: imported
 * content, or a database edited by hand. Readers see nothing there; staff see this list.
 */
export const findMissingBlockReferences = async (payload: Payload): Promise<BrokenPost[]> => {
  // Both what readers get (the published version) and what staff edit (the latest draft).
  const read = (draft: boolean) =>
    payload.find({
      collection: 'posts',
      draft,
      depth: 0,
      limit: 5000,
      pagination: false,
      select: { title: true, content: true },
    })
  const [published, latest] = await Promise.all([read(false), read(true)])
  const byPost = new Map<string, { post: { id: DocId; title: string }; ids: Set<string> }>()
  for (const doc of [...published.docs, ...latest.docs]) {
    const entry = byPost.get(String(doc.id)) ?? { post: doc, ids: new Set<string>() }
    for (const id of reusableBlockIds(doc.content as LexicalContent, REUSABLE_BLOCK_SLUG))
      entry.ids.add(id)
    byPost.set(String(doc.id), entry)
  }
  const refs = [...byPost.values()].map(({ post, ids }) => ({ post, ids: [...ids] }))
  const referenced = [...new Set(refs.flatMap((r) => r.ids))]
  if (referenced.length === 0) return []
  const { docs: blocks } = await payload.find({
    collection: 'reusable-blocks',
    where: { id: { in: referenced } },
    depth: 0,
    limit: referenced.length,
    pagination: false,
    select: { title: true },
  })
  const existing = new Set(blocks.map((b) => String(b.id)))
  return refs.flatMap(({ post, ids }) => {
    const missing = ids.filter((id) => !existing.has(id))
    return missing.length ? [{ id: String(post.id), title: post.title, missing }] : []
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
