import type { Metadata } from 'next'
import { draftMode, headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Byline } from '@/components/Byline'
import { JsonLd } from '@/components/JsonLd'
import { MedicalReview } from '@/components/MedicalReview'
import { PreviewBanner } from '@/components/PreviewBanner'
import { ClosingNote } from '@/components/ClosingNote'
import { MediaImage } from '@/components/MediaImage'
import { RecentPosts } from '@/components/RecentPosts'
import { RichText } from '@/components/RichText'
import { TermList } from '@/components/TermList'
import { CommentSection } from '@/components/comments/CommentSection'
import { commentsClosedReason } from '@/lib/comments/closing'
import { commentPage } from '@/lib/comments/pages'
import { buildThreads } from '@/lib/comments/threads'
import { getApprovedComments, getCommentFormToken, getCommentSettings } from '@/lib/data/comments'
import { getPostBySlug, getPostPreview, getRecentPosts } from '@/lib/data/posts'
import { getSiteSettings } from '@/lib/data/settings'
import type { PostView } from '@/lib/data/views'
import { type Crumb, siteUrl } from '@/lib/site'
import { postStructuredData } from '@/lib/structuredData'
import { FEED_LINKS } from '@/lib/feeds/links'

/**
 * The post a request should see: in preview (staff only, Next's draft mode) its latest draft,
 * read with the visitor's own session and never cached; otherwise the cached published post.
 * Draft mode outlives a session (staff who sign out keep its cookie): without a staff session
 * the visitor simply reads what everyone reads.
 */
const loadPost = async (slug: string): Promise<{ post: PostView | null; preview: boolean }> => {
  const { isEnabled } = await draftMode()
  const draft = isEnabled ? await getPostPreview(slug, await headers()) : null
  if (draft) return { post: draft, preview: true }
  return { post: await getPostBySlug(slug), preview: false }
}

const trailFor = (post: PostView): Crumb[] => [
  { name: 'Home', path: '/' },
  ...(post.categories[0]
    ? [{ name: post.categories[0].title, path: `/categories/${post.categories[0].slug}` }]
    : []),
  { name: post.title, path: `/posts/${post.slug}` },
]

/** The post's metadata; a later page of its comments keeps search engines on the post. */
export const postMetadata = async (slug: string, commentPage = 1): Promise<Metadata> => {
  const { post } = await loadPost(slug)
  if (!post) return {}
  if (commentPage > 1) {
    return {
      title: `${post.meta.title ?? post.title} (comments, page ${commentPage})`,
      alternates: { canonical: `/posts/${post.slug}` },
      robots: { index: false, follow: true },
    }
  }
  const title = post.meta.title ?? post.title
  const description = post.meta.description ?? post.excerpt ?? undefined
  const image = post.meta.image ?? post.image
  const images = image
    ? [{ url: image.url, width: image.width, height: image.height, alt: image.alt }]
    : []
  return {
    title,
    description,
    alternates: { canonical: `/posts/${post.slug}`, types: FEED_LINKS },
    authors: post.authors.map((a) => ({ name: a.name, url: `/authors/${a.slug}` })),
    openGraph: {
      type: 'article',
      title,
      description,
      url: `/posts/${post.slug}`,
      publishedTime: post.publishedAt ?? undefined,
      modifiedTime: post.updatedAt,
      authors: post.authors.map((a) => `/authors/${a.slug}`),
      tags: post.tags.map((t) => t.title),
      images,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title, description, images },
  }
}

/**
 * A post with one page of its comments: page 1 at the post's address, later pages at
 * `/posts/<slug>/comments/<n>`. A page past the last is not found; page 1 always exists.
 */
export const PostPage = async ({
  slug,
  commentPage: commentPageNumber = 1,
}: {
  slug: string
  commentPage?: number
}) => {
  const [{ post, preview }, recent, settings] = await Promise.all([
    loadPost(slug),
    getRecentPosts(slug),
    getSiteSettings(),
  ])
  if (!post) notFound()
  const [comments, commentSettings, formToken] = await Promise.all([
    getApprovedComments(post.id),
    getCommentSettings(),
    getCommentFormToken(post.id),
  ])
  const threads = buildThreads(comments, commentSettings.maxThreadDepth)
  const page = commentPage(threads, commentSettings, commentPageNumber)
  if (!page) notFound()
  const open = post.commentsOpen && !commentsClosedReason(post, commentSettings.closeAfterDays)
  const trail = trailFor(post)
  return (
    <div className="with-sidebar">
      {preview && <PreviewBanner path={`/posts/${post.slug}`} serverUrl={siteUrl()} />}
      <JsonLd data={postStructuredData(post, settings.siteName, trail)} />
      <article className="post">
        <header className="post__header">
          <Breadcrumbs trail={trail} />
          <h1>{post.title}</h1>
          <Byline authors={post.authors} publishedAt={post.publishedAt} />
          {post.review && <MedicalReview review={post.review} />}
        </header>
        {post.image && (
          <MediaImage
            image={post.image}
            sizes="(min-width: 900px) 680px, 100vw"
            priority
            className="post__featured"
          />
        )}
        <RichText data={post.content} />
        <TermList categories={post.categories} tags={post.tags} />
        {settings.closingNote && <ClosingNote note={settings.closingNote} />}
        <CommentSection
          postId={post.id}
          slug={post.slug}
          page={page}
          total={comments.length}
          order={commentSettings.threadOrder}
          maxDepth={commentSettings.maxThreadDepth}
          formToken={formToken}
          open={open}
        />
      </article>
      <aside className="sidebar">
        <RecentPosts posts={recent} />
      </aside>
    </div>
  )
}
