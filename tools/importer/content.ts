import { convertHTMLToLexical } from '@payloadcms/richtext-lexical'
import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import { JSDOM } from 'jsdom'

import { REUSABLE_BLOCK_SLUG } from '@/lib/content/blocks'
import { plainText } from '@/lib/content/lexical'
import type { DocId } from '@/lib/docId'

import { decodeEntities } from './entities'

/**
 * A document the import brought over. Its id is null in a dry run that would create it: nothing
 * is written then, but the content still converts (and compares) as it would.
 */
export type Found = { id: DocId | null }
export type ConvertContext = {
  editorConfig: SanitizedServerEditorConfig
  /** The imported image for an image URL (any size WordPress made of it), or null. */
  mediaFor: (url: string) => Found | null
  /** Our reusable block for a WordPress block id, or null when the export has no such block. */
  blockFor: (ref: number) => Found | null
  /** Rewrites a link to the old site into a path on this one. */
  rewriteLink: (href: string) => string
}
export type Converted = { content: { root: Record<string, unknown> }; warnings: string[] }

type Node = Record<string, unknown> & { type?: string; children?: Node[]; text?: string }

// A marker holds the index of its target in the conversion's list, never the id itself: ids may
// be strings (MongoDB's hex, uuids) or, in a dry run, not there yet.
const MARKER = /^\u2063inkwell-(upload|block):(\d+)\u2063$/
const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1] ?? ''
const textOf = (html: string) =>
  decodeEntities(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()

let window: JSDOM['window'] | undefined

/**
 * What the editor's HTML import is given for JSDOM: it only reads `new JSDOM(html).window
 * .document`. Each document is parsed by one shared window's DOMParser, as in a browser, not by
 * a window of its own: a JSDOM window is a whole JavaScript realm (about half a megabyte, and
 * slow to make), and one per post made an import's memory grow with the export.
 */
export class SharedWindowDocument {
  readonly window: { document: Document }
  constructor(html: string) {
    window ??= new JSDOM('').window
    this.window = { document: new window.DOMParser().parseFromString(html, 'text/html') }
  }
}

/** Classic (pre-block) content: blank lines separate paragraphs, as WordPress's wpautop does. */
const autop = (html: string): string =>
  html
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) =>
      /^<(ul|ol|h[1-6]|blockquote|pre|table|figure|div|p)\b/i.test(chunk)
        ? chunk
        : `<p>${chunk.replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n')

/**
 * WordPress post HTML (Gutenberg blocks or classic) as our editor's Lexical content. Headings,
 * paragraphs, lists (nested too), quotes, links, bold, italic and separators convert as they
 * are; images become uploads; reusable blocks become references. What the editor cannot hold
 * (tables, code blocks, embeds, buttons) is kept as text and named in the warnings, and a final
 * check compares the words before and after so nothing is dropped unnoticed.
 */
export const convertPostHtml = (html: string, ctx: ConvertContext): Converted => {
  const warnings: string[] = []
  const targets: Found[] = []
  const marker = (kind: 'upload' | 'block', target: Found) =>
    `<p>\u2063inkwell-${kind}:${targets.push(target) - 1}\u2063</p>`
  let source = html.includes('<!-- wp:') || /<p[\s>]/i.test(html) ? html : autop(html)

  source = source.replace(/<!--\s*wp:block\s+(\{[^}]*\})\s*\/-->/g, (_m, json: string) => {
    const ref = Number((JSON.parse(json) as { ref?: number }).ref)
    const block = ctx.blockFor(ref)
    if (block === null) {
      warnings.push(
        `refers to reusable block ${ref}, which is not in the export: nothing is shown there`,
      )
      return ''
    }
    return marker('block', block)
  })

  // Images, with or without a figure and a link around them, and their caption.
  source = source.replace(
    /<figure[^>]*wp-block-image[^>]*>([\s\S]*?)<\/figure>|(<img\b[^>]*>)/gi,
    (whole, inner: string | undefined, bare: string | undefined) => {
      const img = bare ?? /<img\b[^>]*>/i.exec(inner ?? '')?.[0]
      if (!img) return whole
      const src = attr(img, 'src')
      const alt = decodeEntities(attr(img, 'alt'))
      const caption = inner
        ? textOf(/<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner)?.[1] ?? '')
        : ''
      const image = ctx.mediaFor(src)
      if (image === null) {
        warnings.push(`image ${src} is missing; its alt text is kept${alt ? `: “${alt}”` : ''}`)
        return [alt, caption]
          .filter(Boolean)
          .map((t) => `<p>${t}</p>`)
          .join('')
      }
      return marker('upload', image) + (caption ? `<p><em>${caption}</em></p>` : '')
    },
  )

  source = source.replace(
    /<figure[^>]*wp-block-embed[^>]*>([\s\S]*?)<\/figure>/gi,
    (_m, inner: string) => {
      const url = /https?:\/\/[^\s<"]+/.exec(inner)?.[0] ?? ''
      const caption = textOf(/<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner)?.[1] ?? '')
      warnings.push(`embed ${url} is kept as a link (the editor has no embeds)`)
      return `<p><a href="${url}">${url}</a></p>${caption ? `<p>${caption}</p>` : ''}`
    },
  )
  if (/<table\b/i.test(source)) warnings.push('a table is kept as text (the editor has no tables)')
  if (/<pre\b/i.test(source)) warnings.push('a code block is kept as plain text')
  if (/wp-block-button/.test(source)) warnings.push('buttons are kept as links')
  for (const tag of ['iframe', 'video', 'audio', 'script', 'form', 'object']) {
    if (new RegExp(`<${tag}\\b`, 'i').test(source)) warnings.push(`a <${tag}> is left out`)
  }
  // Code keeps its lines as separate paragraphs, so its text survives the editor.
  source = source.replace(/<pre[^>]*>([\s\S]*?)<\/pre>/gi, (_m, code: string) =>
    code
      .replace(/<\/?code[^>]*>/gi, '')
      .split('\n')
      .map((line) => `<p>${line}</p>`)
      .join(''),
  )
  source = source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\shref="([^"]*)"/g, (_m, href: string) => ` href="${ctx.rewriteLink(href)}"`)

  const state = convertHTMLToLexical({
    editorConfig: ctx.editorConfig,
    html: source,
    JSDOM: SharedWindowDocument,
  })
  const root = state.root as unknown as Node
  root.children = (root.children ?? []).map((node) => {
    const text =
      node.type === 'paragraph' && node.children?.length === 1 ? node.children[0]?.text : null
    const m = text ? MARKER.exec(text) : null
    if (!m) return node
    const target = targets[Number(m[2])]
    if (!target) return node
    const { id } = target
    return m[1] === 'upload'
      ? {
          type: 'upload',
          version: 3,
          format: '',
          id: `wp-upload-${id}`,
          fields: {},
          relationTo: 'media',
          value: id,
        }
      : {
          type: 'block',
          version: 2,
          format: '',
          fields: {
            id: `wp-block-${id}`,
            blockName: '',
            blockType: REUSABLE_BLOCK_SLUG,
            block: id,
          },
        }
  })

  // The words readers should still find: the text going in, less what became an upload or a
  // block (their words live in the media library or the block).
  const before = new Set(
    textOf(source.replace(/\u2063inkwell-\w+:\d+\u2063/g, ''))
      .toLowerCase()
      .split(/\W+/u)
      .filter(Boolean),
  )
  const after = new Set(
    plainText(state as never)
      .toLowerCase()
      .split(/\W+/u)
      .filter(Boolean),
  )
  const lost = [...before].filter((w) => !after.has(w) && !/^\d+x\d+$/.test(w))
  if (lost.length > 0)
    warnings.push(`some words did not survive the conversion: ${lost.slice(0, 8).join(', ')}`)
  return { content: { root }, warnings }
}
