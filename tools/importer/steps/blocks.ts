import { plainText } from '@/lib/content/lexical'

import { convertPostHtml } from '../content'
import type { Converters } from '../converters'
import { type ImportSession, wpKey } from '../session'

/** WordPress's reusable blocks (wp_block), before the posts that refer to them. */
export const importBlocks = async (s: ImportSession, convert: Converters): Promise<void> => {
  for (const item of s.site.items.filter((i) => i.type === 'wp_block')) {
    await s.each('blocks', `block ${item.id}`, async () => {
      const { content, warnings } = convertPostHtml(item.content, convert.block)
      warnings.forEach((w) => s.warn(`block ${item.id} “${item.title}”`, w))
      const id = await s.upsert(
        'blocks',
        'reusable-blocks',
        wpKey('block', item.id),
        { title: item.title, content },
        (e) =>
          e.title === item.title && plainText(e.content as never) === plainText(content as never),
      )
      s.ids.blocks.set(item.id, id)
    })
  }
}
