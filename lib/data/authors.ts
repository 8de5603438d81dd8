import 'server-only'

import { CacheTags } from '@/lib/cacheTags'

import { cachedRead } from './cachedRead'
import { findBySlug } from './findBySlug'
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
  cachedRead(
    ['author', slug, String(page)],
    [CacheTags.authors, CacheTags.postLists, CacheTags.media],
    async () => {
      const author = await findBySlug('authors', slug, {
        depth: 1,
        select: { name: true, slug: true, credentials: true, bio: true, photo: true },
      })
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
  )
