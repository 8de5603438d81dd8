import { APIError, type CollectionBeforeDeleteHook } from 'payload'

/**
 * A block still in a post cannot be deleted: readers would lose that passage silently. The
 * refusal names the posts (drafts included) so staff can take it out of them first.
 */
export const refuseDeleteWhileUsed: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { docs, totalDocs } = await req.payload.find({
    collection: 'posts',
    where: { reusableBlocks: { contains: id } },
    draft: true,
    depth: 0,
    limit: 10,
    select: { title: true },
    req,
  })
  if (totalDocs === 0) return
  const titles = docs.map((p) => `“${p.title}”`).join(', ')
  const more = totalDocs > docs.length ? ` and ${totalDocs - docs.length} more` : ''
  throw new APIError(
    `This block is used in ${totalDocs === 1 ? 'a post' : `${totalDocs} posts`}: ${titles}${more}. Remove it from ${totalDocs === 1 ? 'that post' : 'them'} before deleting it.`,
    409,
    undefined,
    true,
  )
}
