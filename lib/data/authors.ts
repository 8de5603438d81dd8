import 'server-only'

import { unstable_cache } from 'next/cache'

import { CacheTags } from '@/lib/cacheTags'

import { getPayloadClient } from './payload'
import { type PostListPage, findPublishedPosts } from './posts'
import { type ImageView, toImage } from './views'

export type AuthorView = {
  name: string
  slug: string
  credentials: string | null
  bio: string | null
  photo: ImageView | null
} & PostListPage

/** An author's public profile and one page of their published posts; null when there is none. */
export const getAuthorBySlug = (slug: string, page = 1): Promise<AuthorView | null> =>
  unstable_cache(
    async () => {
      const payload = await getPayloadClient()
      const { docs } = await payload.find({
        collection: 'authors',
        overrideAccess: false,
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 1,
        pagination: false,
        select: { name: true, slug: true, credentials: true, bio: true, photo: true },
      })
      const author = docs[0]
      if (!author) return null
      const list = await findPublishedPosts({ authors: { contains: author.id } }, page)
      return {
        name: author.name,
        slug: author.slug ?? slug,
        credentials: author.credentials ?? null,
        bio: author.bio ?? null,
        photo: toImage(author.photo),
        ...list,
      }
    },
    ['author', slug, String(page)],
    { tags: [CacheTags.authors, CacheTags.postLists, CacheTags.media] },
  )()
