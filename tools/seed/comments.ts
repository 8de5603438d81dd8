import type { DocId } from '@/lib/docId'
import { importKey } from '@/tools/findOrCreate'

import { demoComments } from './content/demoComments'
import { REFERENCE_POST_SLUG } from './posts'
import { type Seeder, bySlug } from './seeder'

/**
 * The reference post's thread, each comment found again by its importKey ("demo:comment:…").
 * They were moderated when written, so they skip screening, as imported ones do.
 */
export const seedComments = async (seeder: Seeder): Promise<void> => {
  const post = await seeder.find('posts', bySlug(REFERENCE_POST_SLUG))
  if (!post) return
  const thread = new Map<string, { id: DocId; depth: number }>()
  for (const comment of demoComments) {
    const parent = comment.replyTo ? thread.get(comment.replyTo) : undefined
    const depth = (parent?.depth ?? 0) + 1
    const id = await seeder.ensure(
      'comments',
      importKey(`demo:comment:${comment.key}`),
      {
        post: post.id,
        parent: parent?.id ?? null,
        threadDepth: depth,
        authorName: comment.authorName,
        authorEmail: comment.authorEmail,
        authorWebsite: comment.authorWebsite ?? null,
        body: comment.body,
        status: comment.status,
        isStaffReply: Boolean(comment.staff),
        submittedAt: comment.submittedAt,
      },
      { context: () => ({ disableRevalidate: true, trustedImport: true }) },
    )
    thread.set(comment.key, { id, depth })
  }
}
