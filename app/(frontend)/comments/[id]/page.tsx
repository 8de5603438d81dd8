import { notFound, redirect } from 'next/navigation'

import { findCommentAddress } from '@/lib/data/comments'

type Props = { params: Promise<{ id: string }> }

// The page holding a comment moves as threads are added (newest first) or the paging setting
// changes, so the answer is worked out on every request (from cached reads) and never stored.
export const dynamic = 'force-dynamic'

const ID = /^[A-Za-z0-9-]{1,64}$/

/**
 * A comment's permanent address: sends the reader to the page of its post's comments that shows
 * it, at its anchor. A comment readers may not see is not found, like one that never existed.
 */
const CommentPermalink = async ({ params }: Props) => {
  const { id } = await params
  const address = ID.test(id) ? await findCommentAddress(id) : null
  if (!address) notFound()
  redirect(address)
}

export default CommentPermalink
