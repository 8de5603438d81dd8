import { REUSABLE_BLOCK_SLUG } from '@/lib/content/blocks'
import { type LexicalContent, unresolvedBlocks } from '@/lib/content/lexical'
import type { Author, Category, Media, Post, SiteSetting, Tag } from '@/payload-types'

/**
 * Small plain objects the pages render. Mapping documents to these in the data layer keeps
 * cached entries small and keeps private or irrelevant fields out of components.
 */
export type ImageView = { url: string; alt: string; width: number; height: number }
export type AuthorRef = { name: string; slug: string; credentials: string | null }
export type TermRef = { title: string; slug: string }
export type PostSummary = {
  id: string
  title: string
  slug: string
  excerpt: string | null
  publishedAt: string | null
  image: ImageView | null
  authors: AuthorRef[]
}
export type PostView = PostSummary & {
  commentsOpen: boolean
  content: Post['content']
  categories: TermRef[]
  tags: TermRef[]
  updatedAt: string
  review: { by: AuthorRef | null; lastReviewedAt: string | null } | null
  meta: { title: string | null; description: string | null; image: ImageView | null }
  /** Reusable block ids the content inserts that no longer exist. */
  missingBlocks: string[]
}
export type RecentPost = { title: string; slug: string; publishedAt: string | null }

const isDoc = <T extends object>(value: unknown): value is T =>
  typeof value === 'object' && value !== null

/**
 * Payload makes upload URLs absolute when SERVER_URL is set. Our own uploads are served from
 * this origin, so they stay relative: next/image then resizes them as local images, with no
 * remote-pattern allowance and no round trip through the public address.
 */
export const localMediaUrl = (url: string): string => {
  if (!/^https?:\/\//.test(url)) return url
  const parsed = new URL(url)
  return parsed.pathname.startsWith('/api/media/') ? `${parsed.pathname}${parsed.search}` : url
}

/** A populated media document as an image; null when missing, unpopulated or deleted. */
export const toImage = (media: number | Media | null | undefined): ImageView | null => {
  if (!isDoc<Media>(media) || !media.url || !media.width || !media.height) return null
  return { url: localMediaUrl(media.url), alt: media.alt, width: media.width, height: media.height }
}

export const toAuthorRefs = (authors: Post['authors']): AuthorRef[] =>
  (authors ?? [])
    .filter(isDoc<Author>)
    .flatMap((a) =>
      a.slug ? [{ name: a.name, slug: a.slug, credentials: a.credentials ?? null }] : [],
    )

const toTerms = (terms: (number | Category | Tag)[] | null | undefined): TermRef[] =>
  (terms ?? [])
    .filter(isDoc<Category | Tag>)
    .flatMap((t) => (t.slug ? [{ title: t.title, slug: t.slug }] : []))

/** The fields a summary needs; list queries select only these. */
type SummaryDoc = Pick<Post, 'id' | 'title'> &
  Partial<Pick<Post, 'slug' | 'excerpt' | 'publishedAt' | 'featuredImage' | 'authors'>>

export const toPostSummary = (post: SummaryDoc): PostSummary => ({
  id: String(post.id),
  title: post.title,
  slug: post.slug ?? String(post.id),
  excerpt: post.excerpt ?? null,
  publishedAt: post.publishedAt ?? null,
  image: toImage(post.featuredImage),
  authors: toAuthorRefs(post.authors),
})

export const toPostView = (post: Post): PostView => {
  const reviewer = isDoc<Author>(post.reviewedBy) ? toAuthorRefs([post.reviewedBy])[0] : undefined
  return {
    ...toPostSummary(post),
    commentsOpen: post.commentsOpen !== false,
    content: post.content,
    categories: toTerms(post.categories),
    tags: toTerms(post.tags),
    updatedAt: post.updatedAt,
    review:
      reviewer || post.lastReviewedAt
        ? { by: reviewer ?? null, lastReviewedAt: post.lastReviewedAt ?? null }
        : null,
    meta: {
      title: post.meta?.title || null,
      description: post.meta?.description || null,
      image: toImage(post.meta?.image),
    },
    missingBlocks: unresolvedBlocks(post.content as LexicalContent, REUSABLE_BLOCK_SLUG),
  }
}

export type SiteSettingsView = {
  siteName: string
  tagline: string | null
  closingNote: { heading: string | null; body: string } | null
  callToAction: { text: string; linkLabel: string | null; linkUrl: string | null } | null
}

/** Settings as pages use them: a section staff left empty is null, so pages leave it out. */
export const toSettingsView = (s: SiteSetting): SiteSettingsView => ({
  siteName: s.siteName || 'inkwell',
  tagline: s.tagline || null,
  closingNote: s.closingNote?.body?.trim()
    ? { heading: s.closingNote.heading || null, body: s.closingNote.body }
    : null,
  callToAction: s.callToAction?.text?.trim()
    ? {
        text: s.callToAction.text,
        linkLabel: s.callToAction.linkLabel || null,
        linkUrl: s.callToAction.linkUrl || null,
      }
    : null,
})
