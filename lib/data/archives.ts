import 'server-only'

import { CacheTags } from '@/lib/cacheTags'

import { cachedRead } from './cachedRead'
import { findBySlug } from './findBySlug'
import { type PostListPage, findPublishedPosts } from './posts'

export type TermArchive = PostListPage & {
  term: { title: string; slug: string }
  /** The broader category a category sits under, shown in the breadcrumbs. */
  parent: { title: string; slug: string } | null
}

/** A category's or tag's page of posts; null when no such term exists. */
export const getTermArchive = (
  kind: 'categories' | 'tags',
  slug: string,
  page: number,
): Promise<TermArchive | null> =>
  cachedRead(
    ['term-archive', kind, slug, String(page)],
    [CacheTags.postLists, CacheTags.taxonomy, CacheTags.authors, CacheTags.media],
    async () => {
      const term = await findBySlug(kind, slug, {
        depth: 1,
        select:
          kind === 'categories'
            ? { title: true, slug: true, parent: true }
            : { title: true, slug: true },
        populate: { categories: { title: true, slug: true } },
      })
      if (!term) return null
      const list = await findPublishedPosts({ [kind]: { contains: term.id } }, page)
      const parent =
        'parent' in term && typeof term.parent === 'object' && term.parent ? term.parent : null
      return {
        term: { title: term.title, slug: term.slug ?? slug },
        parent: parent?.slug ? { title: parent.title, slug: parent.slug } : null,
        ...list,
      }
    },
  )
