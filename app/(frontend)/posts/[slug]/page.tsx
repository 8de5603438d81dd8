import type { Metadata } from 'next'

import { PostPage, postMetadata } from './PostPage'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request and cached until the post, its comments, a list or the settings
// change; re-rendered daily at the latest so the comment form's time token stays fresh.
export const generateStaticParams = async () => []
export const revalidate = 86400

export const generateMetadata = async ({ params }: Props): Promise<Metadata> =>
  postMetadata((await params).slug)

const Page = async ({ params }: Props) => <PostPage slug={(await params).slug} />

export default Page
