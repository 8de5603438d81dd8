import 'server-only'

import { unstable_cache } from 'next/cache'

import { CacheTags } from '@/lib/cacheTags'

import { getPayloadClient } from './payload'
import { summaryQuery } from './posts'
import { type ImageView, type PostSummary, toImage, toPostSummary } from './views'

export type AuthorView = {
  name: string
  slug: string
  credentials: string | null
  bio: string | null
  photo: ImageView | null
  posts: PostSummary[]
}

/** An author's public profile and their latest published posts; null when there is none. */
export const getAuthorBySlug = (slug: string): Promise<AuthorView | null> =>
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
      const posts = await payload.find({
        collection: 'posts',
        overrideAccess: false,
        draft: false,
        where: { and: [{ authors: { contains: author.id } }, { _status: { equals: 'published' } }] },
        sort: '-publishedAt',
        limit: 20,
        ...summaryQuery,
      })
      return {
        name: author.name,
        slug: author.slug ?? slug,
        credentials: author.credentials ?? null,
        bio: author.bio ?? null,
        photo: toImage(author.photo),
        posts: posts.docs.map(toPostSummary),
      }
    },
    ['author', slug],
    { tags: [CacheTags.authors, CacheTags.postLists, CacheTags.media] },
  )()
