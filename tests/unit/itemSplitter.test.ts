import { ItemSplitter, type Piece } from '@/tools/importer/itemSplitter'

/** The pieces of a text fed in chunks of `size` characters (the whole at once by default). */
const split = (text: string, size = text.length): Piece[] => {
  const splitter = new ItemSplitter()
  const pieces: Piece[] = []
  for (let i = 0; i < text.length; i += size) pieces.push(...splitter.push(text.slice(i, i + size)))
  return [...pieces, ...splitter.end()]
}
const items = (pieces: Piece[]) => pieces.filter((p) => p.kind === 'item').map((p) => p.text)
/** Every chunk size from 1 to 12 and the whole text: a cut may fall anywhere. */
const everyCut = (text: string, check: (pieces: Piece[]) => void) => {
  for (const size of [1, 2, 3, 5, 7, 8, 9, 10, 12, text.length]) check(split(text, size))
}

const ITEM_A = '<item><title>A</title></item>'
const TRICKY = `<item>
  <title><![CDATA[Ends with </item> and <item> inside]]></title>
  <!-- a comment with </item> -->
  <?php echo '</item>'; ?>
  <category domain="post_tag" nicename="a>b" note='</item>'><![CDATA[x]]></category>
  <content:encoded><![CDATA[<p>]]]]><![CDATA[></p>]]></content:encoded>
</item>`
const DOC = `<?xml version="1.0"?>
<rss xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>T</title>
	${ITEM_A}
	${TRICKY}<items>not an item</items><wp:item>nor this</wp:item>
</channel></rss>
`

describe('ItemSplitter', () => {
  it('hands over each item whole, and the text around them, covering the text exactly', () => {
    everyCut(DOC, (pieces) => {
      expect(items(pieces)).toEqual([ITEM_A, TRICKY])
      expect(pieces.map((p) => p.text).join('')).toBe(DOC)
    })
  })

  it('is not fooled by "</item>" in CDATA, comments, instructions or attribute values', () => {
    everyCut(TRICKY, (pieces) => expect(items(pieces)).toEqual([TRICKY]))
  })

  it('keeps namespaced and longer names apart from <item>', () => {
    const text = '<wp:item>a</wp:item><items><item/></items><itemx>b</itemx>'
    everyCut(text, (pieces) => expect(items(pieces)).toEqual(['<item/>']))
  })

  it('takes an item with attributes, and one nested in another as part of it', () => {
    const attrs = `<item id="1" data-x='<item>'>a</item>`
    const nested = '<item><item>inner</item>outer</item>'
    everyCut(`${attrs}${nested}`, (pieces) => expect(items(pieces)).toEqual([attrs, nested]))
  })

  it('says where each piece starts, by line and column', () => {
    const pieces = split(DOC, 4)
    const [a, tricky] = pieces.filter((p) => p.kind === 'item')
    expect([a?.line, a?.column]).toEqual([4, 2])
    expect([tricky?.line, tricky?.column]).toEqual([5, 2])
    const after = pieces[pieces.indexOf(tricky!) + 1]
    expect([after?.line, after?.column]).toEqual([11, 8])
  })

  it('hands over an item cut off by the end as it is, for the parser to refuse', () => {
    everyCut('<channel><item><title><![CDATA[cut', (pieces) => {
      expect(pieces.map((p) => [p.kind, p.text])).toEqual([
        ['text', '<channel>'],
        ['item', '<item><title><![CDATA[cut'],
      ])
    })
  })

  it('hands over the text between items as it goes, not only at the end', () => {
    const splitter = new ItemSplitter()
    expect(splitter.push('<rss><channel><title>T</title>')).toEqual([
      { kind: 'text', text: '<rss><channel><title>T</title>', line: 1, column: 1 },
    ])
    // An unfinished comment waits for its end.
    expect(splitter.push('<!-- <item>')).toEqual([])
    expect(splitter.push(' --><item>x</item>').map((p) => p.kind)).toEqual(['text', 'item'])
  })
})
