import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { PostList } from '@/components/PostList'
import { getTermArchive } from '@/lib/data/archives'
import { FEED_LINKS } from '@/lib/feeds/links'

import {
  type ArchiveProps,
  archiveOrNotFound,
  loadArchive,
  pagedTitleAndCanonical,
} from './archivePage'

type Kind = 'categories' | 'tags'
export type TermArchiveProps = ArchiveProps

const LABEL: Record<Kind, string> = { categories: 'Category', tags: 'Tag' }

const load = (kind: Kind, props: TermArchiveProps) =>
  loadArchive(props, (slug, page) => getTermArchive(kind, slug, page))

/** Title and canonical address of a category or tag archive page. */
export const termArchiveMetadata = async (
  kind: Kind,
  props: TermArchiveProps,
): Promise<Metadata> => {
  const archive = await load(kind, props)
  if (!archive) return {}
  const base = `/${kind}/${archive.term.slug}`
  const { title, canonical } = pagedTitleAndCanonical(base, archive.term.title, archive.page)
  return {
    title,
    description: `Posts about ${archive.term.title.toLowerCase()}.`,
    alternates: {
      canonical,
      types: {
        'application/rss+xml': [
          ...(kind === 'categories'
            ? [{ url: `${base}/feed.xml`, title: archive.term.title }]
            : []),
          ...FEED_LINKS['application/rss+xml'],
        ],
      },
    },
  }
}

/** A category or tag: its posts, newest first, a page at a time. */
export const TermArchivePage = async ({ kind, ...props }: TermArchiveProps & { kind: Kind }) => {
  const archive = archiveOrNotFound(await load(kind, props))
  const base = `/${kind}/${archive.term.slug}`
  return (
    <div className="archive">
      <header className="archive__header">
        <Breadcrumbs
          trail={[
            { name: 'Home', path: '/' },
            ...(archive.parent
              ? [{ name: archive.parent.title, path: `/${kind}/${archive.parent.slug}` }]
              : []),
            { name: archive.term.title, path: base },
          ]}
        />
        <p className="archive__kind">{LABEL[kind]}</p>
        <h1>{archive.term.title}</h1>
        <p className="archive__count">
          {archive.totalDocs === 1 ? '1 post' : `${archive.totalDocs} posts`}
        </p>
      </header>
      <PostList
        posts={archive.posts}
        page={archive.page}
        totalPages={archive.totalPages}
        basePath={base}
        empty="No published posts here yet."
      />
    </div>
  )
}
