import type { Payload } from 'payload'

import { postSearchFields } from '@/lib/search/words'

import { updatePostOutsideSaves } from './saveJournal'

const BATCH = 100

/**
 * Posts saved before search kept their words (collections/Posts/hooks/deriveFromContent) get
 * them at start-up, from the title, excerpt and plain text they already hold, so search finds
 * them from the first request after an upgrade. The words are written to the post's row alone
 * (the database adapter, not a save, outside the save journal): no new version, no hooks,
 * nothing else on the post changes.
 * On a database whose posts all have their words this is one query that finds none.
 */
export const indexPostsForSearch = async (payload: Payload): Promise<number> => {
  let indexed = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: 'posts',
      where: { searchWordList: { exists: false } },
      draft: false,
      depth: 0,
      limit: BATCH,
      pagination: false,
      select: { title: true, excerpt: true, searchText: true, updatedAt: true },
    })
    if (docs.length === 0) break
    for (const doc of docs) {
      await updatePostOutsideSaves(payload, {
        id: doc.id,
        // The adapter stamps updatedAt on every write unless given one: keep the post's own.
        data: {
          ...postSearchFields(doc.title, doc.excerpt, doc.searchText),
          updatedAt: doc.updatedAt,
        },
      })
    }
    indexed += docs.length
  }
  if (indexed) {
    const posts = indexed === 1 ? '1 post' : `${indexed} posts`
    payload.logger.info(`Search: stored the words of ${posts} saved before search kept them.`)
  }
  return indexed
}
