import type { Block } from 'payload'
import {
  BlockquoteFeature,
  BlocksFeature,
  BoldFeature,
  FixedToolbarFeature,
  HeadingFeature,
  HorizontalRuleFeature,
  InlineToolbarFeature,
  ItalicFeature,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  UnderlineFeature,
  UnorderedListFeature,
  UploadFeature,
  lexicalEditor,
} from '@payloadcms/richtext-lexical'

import { REUSABLE_BLOCK_SLUG } from '@/lib/content/blocks'

const reusableBlockReference: Block = {
  slug: REUSABLE_BLOCK_SLUG,
  labels: { singular: 'Reusable block', plural: 'Reusable blocks' },
  fields: [
    {
      name: 'block',
      type: 'relationship',
      relationTo: 'reusable-blocks',
      required: true,
      admin: { description: 'Edits to the block show in every post that uses it.' },
    },
  ],
}

/**
 * The editor staff write posts with: only what the post template can show well. H1 is the
 * post title, so headings start at H2; images come from the media library, whose alt text is
 * required.
 */
export const postEditor = lexicalEditor({
  features: [
    ParagraphFeature(),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
    BoldFeature(),
    ItalicFeature(),
    UnderlineFeature(),
    LinkFeature({ enabledCollections: ['posts'] }),
    UnorderedListFeature(),
    OrderedListFeature(),
    BlockquoteFeature(),
    HorizontalRuleFeature(),
    UploadFeature({ collections: { media: { fields: [] } } }),
    BlocksFeature({ blocks: [reusableBlockReference] }),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ],
})
