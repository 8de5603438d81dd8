import { XMLValidator } from 'fast-xml-parser'

import { ItemSplitter, type Piece } from './itemSplitter'
import type { WxrHead, WxrItem, WxrSite } from './wxr'
import { type Node, parser, str, toHead, toItem } from './wxrNodes'

/** A file that is not a readable WordPress export, with what is wrong and where. */
export class WxrError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WxrError'
  }
}

type Where = (line: number, column: number) => [line: number, column: number]

/** The checker's complaint, its places (its own and any in its words) moved to the file's. */
const malformed = (err: { msg: string; line: number; col: number }, where: Where) => {
  const msg = err.msg.replace(/line (\d+), col (\d+)/g, (_m, line: string, col: string) => {
    const [l, c] = where(Number(line), Number(col))
    return `line ${l}, col ${c}`
  })
  const [line, column] = where(err.line, err.col)
  return new WxrError(`The file is not well-formed XML: ${msg} (line ${line}, column ${column}).`)
}

const newlines = (text: string) => {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n += 1
  return n
}

/**
 * One item of an export, checked and parsed on its own. A malformed item is refused with its
 * place in the whole file.
 */
export const readItem = (piece: Piece): WxrItem => {
  const valid = XMLValidator.validate(piece.text)
  if (valid !== true) {
    throw malformed(valid.err, (line, col) => [
      piece.line + line - 1,
      line === 1 ? piece.column + col - 1 : col,
    ])
  }
  const doc = parser.parse(piece.text) as { item: Node[] }
  return toItem(doc.item[0] ?? {})
}

/**
 * Reads an export given in chunks, a file's worth or a stream's: hands over its items one at a
 * time (for readItem) and keeps only the rest, the head (site, authors, terms), which it checks
 * and reads at the end. The head is checked with every item cut out and the lines kept, so a
 * fault there is reported where it is in the file.
 */
export class WxrReader {
  private splitter = new ItemSplitter()
  private head: string[] = []
  private items = 0
  /** How far, on the current line, the file's columns are ahead of the head's (items cut). */
  private shift = 0
  /** By line: from which column of the head on, how far the file is ahead. */
  private shifts = new Map<number, [from: number, by: number][]>()

  /** The items this chunk completes. */
  push(chunk: string): Piece[] {
    return this.sort(this.splitter.push(chunk))
  }

  /** The last items (an unfinished one included, for readItem to refuse). */
  end(): Piece[] {
    return this.sort(this.splitter.end())
  }

  private sort(pieces: Piece[]): Piece[] {
    const items: Piece[] = []
    for (const piece of pieces) {
      if (piece.kind === 'item') {
        items.push(piece)
        this.cut(piece)
      } else {
        // A copy: a slice would keep the whole chunk it was cut from alive.
        this.head.push(Buffer.from(piece.text).toString())
        if (piece.text.includes('\n')) this.shift = 0
      }
    }
    this.items += items.length
    return items
  }

  /** Leaves an item's lines in the head, so the head's line numbers stay the file's. */
  private cut(item: Piece) {
    const lines = newlines(item.text)
    const endLine = item.line + lines
    const endColumn =
      lines === 0 ? item.column + item.text.length : item.text.length - item.text.lastIndexOf('\n')
    this.shift = lines === 0 ? this.shift + item.text.length : endColumn - 1
    this.head.push('\n'.repeat(lines))
    const onLine = this.shifts.get(endLine) ?? []
    onLine.push([endColumn - this.shift, this.shift])
    this.shifts.set(endLine, onLine)
  }

  /** The export's head, once every chunk is in; refuses a file that is not a WordPress export. */
  site(): WxrHead {
    const head = this.head.join('')
    if (this.items === 0 && head.trim() === '') throw new WxrError('The file is empty.')
    const valid = XMLValidator.validate(head)
    if (valid !== true) {
      throw malformed(valid.err, (line, col) => {
        const shift = (this.shifts.get(line) ?? []).filter(([from]) => from <= col).at(-1)?.[1]
        return [line, col + (shift ?? 0)]
      })
    }
    const doc = parser.parse(head) as Node
    const channel = (doc.rss as Node | undefined)?.channel as Node | undefined
    const version = str(channel, 'wp:wxr_version')
    if (!channel || !version) {
      throw new WxrError(
        'This is not a WordPress export: there is no <rss><channel> with a <wp:wxr_version>. Export it from WordPress with Tools → Export → All content.',
      )
    }
    if (!/^1\.\d+$/.test(version)) {
      throw new WxrError(`WXR version ${version} is not supported (1.0 to 1.2 are).`)
    }
    return toHead(channel, version)
  }
}

/**
 * Reads a whole WordPress export (WXR 1.x) held in memory. Refuses, before anything is imported,
 * a file that is not well-formed XML (saying at which line and column) or not a WordPress export.
 * For a file on disk, `readWxrFile` reads the same way a piece at a time.
 */
export const parseWxr = (xml: string): WxrSite => {
  const reader = new WxrReader()
  const items = [...reader.push(xml), ...reader.end()].map(readItem)
  return { ...reader.site(), items }
}
