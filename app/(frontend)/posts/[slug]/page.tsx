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
import { getApprovedComments, getCommentFormToken, getCommentSettings } from '@/lib/data/comments'
import { getPostBySlug, getPostPreview, getRecentPosts } from '@/lib/data/posts'
import { getSiteSettings } from '@/lib/data/settings'
import type { PostView } from '@/lib/data/views'
import { type Crumb, siteUrl } from '@/lib/site'
import { postStructuredData } from '@/lib/structuredData'
import { FEED_LINKS } from '@/lib/feeds/links'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request and cached until the post, its comments, a list or the settings
// change; re-rendered daily at the latest so the comment form's time token stays fresh.
export const generateStaticParams = async () => []
export const revalidate = 86400

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

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const { slug } = await params
  const { post } = await loadPost(slug)
  if (!post) return {}
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

const PostPage = async ({ params }: Props) => {
  const { slug } = await params
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
          comments={comments}
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

export default PostPage
