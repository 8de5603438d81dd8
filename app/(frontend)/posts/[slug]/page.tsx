import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Byline } from '@/components/Byline'
import { ClosingNote } from '@/components/ClosingNote'
import { MediaImage } from '@/components/MediaImage'
import { RecentPosts } from '@/components/RecentPosts'
import { RichText } from '@/components/RichText'
import { TermList } from '@/components/TermList'
import { CommentSection } from '@/components/comments/CommentSection'
import { commentsClosedReason } from '@/lib/comments/closing'
import { getApprovedComments, getCommentFormToken, getCommentSettings } from '@/lib/data/comments'
import { getPostBySlug, getRecentPosts } from '@/lib/data/posts'
import { getSiteSettings } from '@/lib/data/settings'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request and cached until the post, its comments, a list or the settings
// change; re-rendered daily at the latest so the comment form's time token stays fresh.
export const generateStaticParams = async () => []
export const revalidate = 86400

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const { slug } = await params
  const post = await getPostBySlug(slug)
  if (!post) return {}
  return {
    title: post.title,
    description: post.excerpt ?? undefined,
    alternates: { canonical: `/posts/${post.slug}` },
  }
}

const PostPage = async ({ params }: Props) => {
  const { slug } = await params
  const [post, recent, settings] = await Promise.all([
    getPostBySlug(slug),
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
  return (
    <div className="with-sidebar">
      <article className="post">
        <header className="post__header">
          <h1>{post.title}</h1>
          <Byline authors={post.authors} publishedAt={post.publishedAt} />
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
