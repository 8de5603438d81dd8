import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { parsePageNumber } from '@/lib/pageNumber'

import { PostPage, postMetadata } from '../../PostPage'

type Props = { params: Promise<{ slug: string; page: string }> }

// Cached as the post's own page is, under the same tags: an approval refreshes every page of
// the post's comments (each shows the count), and no other post's.
export const generateStaticParams = async () => []
export const revalidate = 86400

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const { slug, page } = await params
  const n = parsePageNumber(page)
  return n ? postMetadata(slug, n) : {}
}

/** Page n > 1 of a post's comments; page 1 is the post's own address (next.config.ts redirects). */
const CommentsPage = async ({ params }: Props) => {
  const { slug, page } = await params
  const n = parsePageNumber(page)
  if (!n || n === 1) notFound()
  return <PostPage slug={slug} commentPage={n} />
}

export default CommentsPage
