import type { CollectionBeforeChangeHook } from 'payload'

import { REUSABLE_BLOCK_SLUG } from '@/lib/content/blocks'
import { plainText, reusableBlockIds } from '@/lib/content/lexical'
import { postSearchFields } from '@/lib/search/words'
import type { Post } from '@/payload-types'

/**
 * Fields kept in step with the content on every save: the plain text and the words search reads
 * (the words from the title and excerpt too), and the
 * relationship to the reusable blocks the content inserts (which each block's "Used in" list and
 * its delete check read).
 */
export const deriveFromContent: CollectionBeforeChangeHook<Post> = async ({
  data,
  originalDoc,
  req,
}) => {
  const content = data.content ?? originalDoc?.content
  const ids = reusableBlockIds(content, REUSABLE_BLOCK_SLUG)
  let existing: (string | number)[] = []
  if (ids.length > 0) {
    const { docs } = await req.payload.find({
      collection: 'reusable-blocks',
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      select: { title: true },
      req,
    })
    existing = docs.map((d) => d.id)
  }
  const searchText = plainText(content)
  const title = 'title' in data ? data.title : originalDoc?.title
  const excerpt = 'excerpt' in data ? data.excerpt : originalDoc?.excerpt
  return {
    ...data,
    searchText,
    ...postSearchFields(title, excerpt, searchText),
    reusableBlocks: existing,
  }
}
