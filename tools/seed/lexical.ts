/**
 * Builders for Lexical's serialized JSON, so seed content and tests can write rich text as
 * plain data. Shapes follow what Payload's Lexical editor itself saves.
 */
import { REUSABLE_BLOCK_SLUG } from '@/lib/content/blocks'
import type { DocId } from '@/lib/docId'

type Node = Record<string, unknown>

const element = (type: string, children: Node[], extra: Node = {}): Node => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

export const text = (value: string, format = 0): Node => ({
  type: 'text',
  text: value,
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  version: 1,
})

export const paragraph = (value: string): Node =>
  element('paragraph', [text(value)], { textFormat: 0, textStyle: '' })

export const heading = (tag: 'h2' | 'h3' | 'h4', value: string): Node =>
  element('heading', [text(value)], { tag })

export const bulletList = (items: string[]): Node =>
  element(
    'list',
    items.map((item, i) => element('listitem', [text(item)], { value: i + 1 })),
    { listType: 'bullet', start: 1, tag: 'ul' },
  )

export const upload = (mediaId: DocId): Node => ({
  type: 'upload',
  id: `seed-${mediaId}`,
  fields: {},
  format: '',
  relationTo: 'media',
  value: mediaId,
  version: 3,
})

/** A reusable block inserted by reference, as the editor's "Reusable block" button saves it. */
export const reusableBlock = (blockId: DocId): Node => ({
  type: 'block',
  version: 2,
  format: '',
  fields: {
    id: `seed-block-${blockId}`,
    blockName: '',
    blockType: REUSABLE_BLOCK_SLUG,
    block: blockId,
  },
})

export type ContentBlock =
  | { type: 'p'; text: string }
  | { type: 'h2' | 'h3' | 'h4'; text: string }
  | { type: 'ul'; items: string[] }
  | { type: 'image'; alt: string }
  | { type: 'reusable'; title: string }

/**
 * A whole document from simple blocks. Image blocks need an uploaded media id, which the
 * caller supplies per alt text.
 */
export const document = (
  blocks: ContentBlock[],
  mediaFor: (alt: string) => DocId,
  reusableFor: (title: string) => DocId = (title) => {
    throw new Error(`No reusable block given for "${title}"`)
  },
) => ({
  root: element(
    'root',
    blocks.map((block) => {
      switch (block.type) {
        case 'p':
          return paragraph(block.text)
        case 'ul':
          return bulletList(block.items)
        case 'image':
          return upload(mediaFor(block.alt))
        case 'reusable':
          return reusableBlock(reusableFor(block.title))
        default:
          return heading(block.type, block.text)
      }
    }),
  ),
})
