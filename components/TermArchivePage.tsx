import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { getTermArchive } from '@/lib/data/archives'
import { FEED_LINKS } from '@/lib/feeds/links'
import { parseArchivePage } from '@/lib/pageNumber'

import { Breadcrumbs } from './Breadcrumbs'
import { PostList } from './PostList'

type Kind = 'categories' | 'tags'
export type TermArchiveProps = { params: Promise<{ slug: string; page?: string[] }> }

const LABEL: Record<Kind, string> = { categories: 'Category', tags: 'Tag' }

const load = async (kind: Kind, props: TermArchiveProps) => {
  const { slug, page: segments } = await props.params
  const page = parseArchivePage(segments)
  return page ? getTermArchive(kind, slug, page) : null
}

/** Title and canonical address of a category or tag archive page. */
export const termArchiveMetadata = async (
  kind: Kind,
  props: TermArchiveProps,
): Promise<Metadata> => {
  const archive = await load(kind, props)
  if (!archive) return {}
  const base = `/${kind}/${archive.term.slug}`
  return {
    title: archive.page > 1 ? `${archive.term.title}, page ${archive.page}` : archive.term.title,
    description: `Posts about ${archive.term.title.toLowerCase()}.`,
    alternates: {
      canonical: archive.page > 1 ? `${base}/page/${archive.page}` : base,
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
  const archive = await load(kind, props)
  if (!archive || (archive.page > 1 && archive.page > archive.totalPages)) notFound()
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
