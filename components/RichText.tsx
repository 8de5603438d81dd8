import type { SerializedLinkNode, SerializedUploadNode } from '@payloadcms/richtext-lexical'
import {
  type JSXConvertersFunction,
  LinkJSXConverter,
  RichText as LexicalRichText,
} from '@payloadcms/richtext-lexical/react'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import type { Media } from '@/payload-types'
import { toImage } from '@/lib/data/views'

import { REUSABLE_BLOCK_SLUG } from '@/lib/content/blocks'

import { MediaImage } from './MediaImage'

/** Internal links point at posts; a link to a deleted post falls back to the index. */
const internalDocToHref = ({ linkNode }: { linkNode: SerializedLinkNode }): string => {
  const doc = linkNode.fields.doc?.value
  return typeof doc === 'object' && doc && 'slug' in doc && doc.slug ? `/posts/${doc.slug}` : '/'
}

/**
 * An inline image, resized by next/image. An image whose upload was deleted or never existed
 * renders nothing: readers must never see a placeholder error in the middle of a post.
 */
const UploadImage = ({ node }: { node: SerializedUploadNode }) => {
  const image = toImage(node.value as number | Media)
  if (!image) return null
  const caption = typeof node.value === 'object' ? (node.value as Media).caption : null
  return (
    <figure className="prose__figure">
      <MediaImage image={image} sizes="(min-width: 900px) 680px, 100vw" />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  )
}

type ReusableBlockNode = { fields: { block?: unknown } }

/**
 * A reusable block, inserted by reference: its current text, as if written in the post. A block
 * that no longer exists renders nothing (the data layer logs it and the dashboard lists it).
 */
const ReusableBlock = ({ node }: { node: ReusableBlockNode }) => {
  const block = node.fields.block
  if (!block || typeof block !== 'object' || !('content' in block) || !block.content) return null
  return (
    <div className="reusable-block">
      <LexicalRichText
        data={block.content as SerializedEditorState}
        converters={converters}
        disableContainer
      />
    </div>
  )
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  ...LinkJSXConverter({ internalDocToHref }),
  upload: ({ node }) => <UploadImage node={node as SerializedUploadNode} />,
  blocks: {
    [REUSABLE_BLOCK_SLUG]: ({ node }: { node: unknown }) => (
      <ReusableBlock node={node as ReusableBlockNode} />
    ),
  },
})

/** A post's Lexical content as HTML, with our image and link handling. */
export const RichText = ({ data }: { data: SerializedEditorState }) => (
  <LexicalRichText className="prose" data={data} converters={converters} />
)
