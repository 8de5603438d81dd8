import { storedId } from '@/lib/comments/ids'

/** Just enough of Lexical's serialized shape to walk it. */
type LexicalNode = {
  type?: string
  text?: string
  children?: LexicalNode[]
  fields?: { blockType?: string; block?: unknown }
}
export type LexicalContent = { root?: LexicalNode } | null | undefined

const BLOCK_LEVEL = new Set(['paragraph', 'heading', 'listitem', 'quote', 'list', 'block'])

const walk = (node: LexicalNode | undefined, visit: (node: LexicalNode) => void): void => {
  if (!node) return
  visit(node)
  for (const child of node.children ?? []) walk(child, visit)
}

/** The words of a post's content, one line per paragraph, heading or list item. */
export const plainText = (content: LexicalContent): string => {
  const parts: string[] = []
  const collect = (node: LexicalNode) => {
    if (typeof node.text === 'string') parts.push(node.text)
    if (node.type === 'linebreak') parts.push('\n')
    for (const child of node.children ?? []) collect(child)
    if (node.type && BLOCK_LEVEL.has(node.type)) parts.push('\n')
  }
  if (content?.root) collect(content.root)
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

/** The id a block field holds, whether populated (a document) or not (the id itself). */
const idOf = (value: unknown): string | null => {
  const id = storedId(value)
  return id == null ? null : String(id)
}

/** Ids of the reusable blocks a post's content inserts, in order, each once. */
export const reusableBlockIds = (content: LexicalContent, blockType: string): string[] => {
  const ids = new Set<string>()
  walk(content?.root, (node) => {
    if (node.type !== 'block' || node.fields?.blockType !== blockType) return
    const id = idOf(node.fields.block)
    if (id) ids.add(id)
  })
  return [...ids]
}

/**
 * Reusable blocks a read post inserts that did not resolve to a document: deleted, or never
 * imported. Each is named by its id when the content still holds one.
 */
export const unresolvedBlocks = (content: LexicalContent, blockType: string): string[] => {
  const missing: string[] = []
  walk(content?.root, (node) => {
    if (node.type !== 'block' || node.fields?.blockType !== blockType) return
    const block = node.fields.block
    if (block && typeof block === 'object' && 'content' in block) return
    missing.push(idOf(block) ?? 'unknown')
  })
  return missing
}
