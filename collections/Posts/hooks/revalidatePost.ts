import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { CacheTags } from '@/lib/cacheTags'
import { expireTags, skipRevalidate } from '@/lib/server/revalidate'
import type { Post } from '@/payload-types'

/** What readers can see of a post: its main document, as publishing last wrote it. */
export type LiveState = {
  slug?: string | null
  _status?: 'draft' | 'published' | null
  updatedAt?: string | null
}

/**
 * Which tags a change to a post touches, judged from what readers could see before and after.
 * A post never public touches nothing; a draft saved over a live post changes nothing readers
 * see (the main document is not written, so it keeps its `updatedAt`); publishing, editing a
 * live post, renaming its slug, unpublishing or deleting it touches the post's page (every slug
 * it had) and every list of posts (index, Recent Posts, archives, feeds, sitemap, search).
 */
export const tagsForPostChange = (now: LiveState | null, before: LiveState | null): string[] => {
  const wasLive = before?._status === 'published'
  const isLive = now?._status === 'published'
  if (!wasLive && !isLive) return []
  if (now && before && now.updatedAt && now.updatedAt === before.updatedAt) return []
  const slugs = new Set([now?.slug, before?.slug].filter((s): s is string => Boolean(s)))
  return [CacheTags.postLists, ...[...slugs].map(CacheTags.post)]
}

/**
 * The main document, read straight from the database. Payload hands hooks the latest version
 * instead, which is a draft whenever staff have one open, so liveness cannot be judged from it.
 */
const readLiveState = async (
  req: PayloadRequest,
  id: string | number,
): Promise<LiveState | null> => {
  const doc = await req.payload.db.findOne<LiveState & { id: string | number }>({
    collection: 'posts',
    where: { id: { equals: id } },
    req,
  })
  return doc ? { slug: doc.slug, _status: doc._status, updatedAt: doc.updatedAt } : null
}

/** Live states read before a change, by post id, for the after-hooks of the same request. */
const remembered = (req: PayloadRequest): Record<string, LiveState | null> =>
  (req.context.livePostsBefore ??= {}) as Record<string, LiveState | null>

const remember = async (req: PayloadRequest, id: string | number | undefined) => {
  if (id == null || skipRevalidate(req.context)) return
  remembered(req)[String(id)] = await readLiveState(req, id)
}

const recall = (req: PayloadRequest, id: string | number): LiveState | null => {
  const state = remembered(req)[String(id)] ?? null
  delete remembered(req)[String(id)]
  return state
}

export const rememberLiveState: CollectionBeforeChangeHook<Post> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update') await remember(req, originalDoc?.id)
  return data
}

export const rememberLiveStateBeforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await remember(req, id)
}

export const revalidatePost: CollectionAfterChangeHook<Post> = async ({ doc, req }) => {
  if (skipRevalidate(req.context)) return doc
  const tags = tagsForPostChange(await readLiveState(req, doc.id), recall(req, doc.id))
  if (tags.length) await expireTags(req.payload, tags)
  return doc
}

export const revalidateDeletedPost: CollectionAfterDeleteHook<Post> = async ({ id, doc, req }) => {
  if (skipRevalidate(req.context)) return doc
  const tags = tagsForPostChange(null, recall(req, id) ?? doc)
  if (tags.length) await expireTags(req.payload, tags)
  return doc
}
