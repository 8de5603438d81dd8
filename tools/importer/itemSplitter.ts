/**
 * A piece of an XML text: one whole `<item>` element (nested items included), or the text
 * between items. The pieces, in order, are the text itself; line and column (from 1) say where
 * each starts.
 */
export type Piece = { kind: 'item' | 'text'; text: string; line: number; column: number }

/** Where a construct that may hold a literal "<item>" ends: CDATA, comments, instructions. */
const OPAQUE: [open: string, close: string][] = [
  ['<![CDATA[', ']]>'],
  ['<!--', '-->'],
  ['<?', '?>'],
]
const NAME_END = /[\s/>]/

/**
 * Cuts an XML text given in chunks (as a file stream reads it) into its `<item>` elements and the
 * text around them, without parsing the whole: each item can then be checked and parsed alone
 * and let go. Knows just enough XML to find the real tags: CDATA sections, comments, processing
 * instructions and quoted attribute values may hold "<item>" or "</item>" and are skipped. It
 * does not check the XML: a piece it hands over may be malformed (an item cut off by the end of
 * the file is handed over as it is), for the parser to refuse.
 */
export class ItemSplitter {
  private buf = ''
  /** Everything in buf before pos is classified; pos is never inside a tag or a construct. */
  private pos = 0
  private itemStart = -1
  private depth = 0
  private line = 1
  private column = 1

  /** Takes the next chunk; returns the pieces it completes. */
  push(chunk: string): Piece[] {
    this.buf += chunk
    return this.scan(false)
  }

  /** At the end of the text: the rest, an unfinished item included. */
  end(): Piece[] {
    const pieces = this.scan(true)
    const rest = this.buf
    this.buf = ''
    this.pos = 0
    if (rest) pieces.push(this.piece(this.itemStart >= 0 ? 'item' : 'text', rest))
    this.itemStart = -1
    return pieces
  }

  private piece(kind: Piece['kind'], text: string): Piece {
    const piece = { kind, text, line: this.line, column: this.column }
    const lastNl = text.lastIndexOf('\n')
    if (lastNl === -1) this.column += text.length
    else {
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) this.line += 1
      this.column = text.length - lastNl
    }
    return piece
  }

  private scan(ended: boolean): Piece[] {
    const pieces: Piece[] = []
    const { buf } = this
    let pos = this.pos
    /** Everything before `from` is handed over (or, inside an item, starts at itemStart). */
    let from = 0
    let waiting = false
    for (;;) {
      const lt = buf.indexOf('<', pos)
      if (lt === -1) {
        pos = buf.length
        break
      }
      const opaque = OPAQUE.find(([open]) => buf.startsWith(open, lt))
      // Too short yet to tell a CDATA section or a comment from a tag.
      const undecided = !ended && buf.length - lt < 9 && '<![CDATA['.startsWith(buf.slice(lt))
      const close = opaque ? buf.indexOf(opaque[1], lt + opaque[0].length) : -1
      if (opaque && close !== -1) {
        pos = close + opaque[1].length
        continue
      }
      const closing = buf[lt + 1] === '/'
      const nameStart = lt + (closing ? 2 : 1)
      const nameLength = buf.slice(nameStart).search(NAME_END)
      const gt = nameLength === -1 ? -1 : tagEnd(buf, nameStart + nameLength)
      if (opaque || undecided || gt === -1) {
        waiting = true
        pos = lt
        break
      }
      pos = gt + 1
      if (buf.slice(nameStart, nameStart + nameLength) !== 'item') continue
      if (closing) {
        if (this.itemStart < 0) continue
        this.depth -= 1
      } else if (this.itemStart < 0) {
        if (lt > from) pieces.push(this.piece('text', buf.slice(from, lt)))
        this.itemStart = lt
        this.depth = buf[gt - 1] === '/' ? 0 : 1
      } else if (buf[gt - 1] !== '/') this.depth += 1
      if (this.itemStart >= 0 && this.depth === 0) {
        pieces.push(this.piece('item', buf.slice(this.itemStart, pos)))
        this.itemStart = -1
        from = pos
      }
    }
    // Hand over the text before an unfinished construct; keep the rest for the next chunk.
    if (this.itemStart < 0) {
      const upTo = waiting ? pos : buf.length
      if (upTo > from) pieces.push(this.piece('text', buf.slice(from, upTo)))
      this.buf = buf.slice(upTo)
      this.pos = pos - upTo
    } else {
      this.buf = buf.slice(this.itemStart)
      this.pos = pos - this.itemStart
      this.itemStart = 0
    }
    return pieces
  }
}

/** The index of the ">" that ends the tag whose name ends at `from`, past quoted values. */
const tagEnd = (buf: string, from: number): number => {
  let quote = ''
  for (let i = from; i < buf.length; i++) {
    const ch = buf[i]
    if (quote) {
      if (ch === quote) quote = ''
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === '>') return i
  }
  return -1
}
