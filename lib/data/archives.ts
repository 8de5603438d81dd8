import 'server-only'

import { unstable_cache } from 'next/cache'

import { CacheTags } from '@/lib/cacheTags'

import { getPayloadClient } from './payload'
import { type PostListPage, findPublishedPosts } from './posts'

export type TermArchive = PostListPage & { term: { title: string; slug: string } }

/** A category's or tag's page of posts; null when no such term exists. */
export const getTermArchive = (
  kind: 'categories' | 'tags',
  slug: string,
  page: number,
): Promise<TermArchive | null> =>
  unstable_cache(
    async () => {
      const payload = await getPayloadClient()
      const { docs } = await payload.find({
        collection: kind,
        overrideAccess: false,
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 0,
        pagination: false,
        select: { title: true, slug: true },
      })
      const term = docs[0]
      if (!term) return null
      const list = await findPublishedPosts({ [kind]: { contains: term.id } }, page)
      return { term: { title: term.title, slug: term.slug ?? slug }, ...list }
    },
    ['term-archive', kind, slug, String(page)],
    { tags: [CacheTags.postLists, CacheTags.taxonomy, CacheTags.authors, CacheTags.media] },
  )()
