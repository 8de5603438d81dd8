import { createReadStream } from 'node:fs'

import type { Piece } from './itemSplitter'
import type { WxrHead, WxrItem, WxrSite } from './wxr'
import { WxrReader, readItem } from './wxrReader'

/**
 * An export as the importer takes it: the head and every item but the posts in hand (few and
 * small: attachments, reusable blocks, pages), and the posts one at a time, each let go once
 * imported, so memory stays flat however long the export.
 */
export type WxrSource = WxrHead & {
  /** Every item that is not a post, in the file's order. */
  items: WxrItem[]
  /** How many posts, and comments on them, for the progress bar. */
  postCount: number
  postComments: number
  /** The posts, in the file's order. */
  posts: () => AsyncIterable<WxrItem>
}

/** An export already in memory, as a source. */
export const siteSource = (site: WxrSite): WxrSource => {
  const posts = site.items.filter((i) => i.type === 'post')
  return {
    ...site,
    items: site.items.filter((i) => i.type !== 'post'),
    postCount: posts.length,
    postComments: posts.reduce((n, p) => n + p.comments.length, 0),
    posts: async function* () {
      yield* posts
    },
  }
}

/** The file's items as it streams by, unparsed; then its head, checked. */
async function* pieces(file: string, reader: WxrReader): AsyncGenerator<Piece> {
  // 1 MiB at a time: the reads stay few and the chunk small beside Payload.
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })
  for await (const chunk of stream) yield* reader.push(chunk as string)
  yield* reader.end()
}

/** A copy of an item's text: a slice would keep the whole chunk it was cut from alive. */
const own = (piece: Piece): Piece => ({ ...piece, text: Buffer.from(piece.text).toString() })

/**
 * Reads a WordPress export file in two passes, never whole. The first checks all of it (as
 * parseWxr does: a malformed or non-WordPress file is refused, with the line and column) and
 * keeps the head, the items other than posts, and the number of posts and comments. The
 * second, when the import asks for the posts, reads them one at a time.
 */
export const readWxrFile = async (file: string): Promise<WxrSource> => {
  const first = new WxrReader()
  const items: WxrItem[] = []
  let postCount = 0
  let postComments = 0
  for await (const piece of pieces(file, first)) {
    const item = readItem(own(piece))
    if (item.type === 'post') {
      postCount += 1
      postComments += item.comments.length
    } else items.push(item)
  }
  const head = first.site()
  return {
    ...head,
    items,
    postCount,
    postComments,
    posts: async function* () {
      for await (const piece of pieces(file, new WxrReader())) {
        const item = readItem(piece)
        if (item.type === 'post') yield item
      }
    },
  }
}
