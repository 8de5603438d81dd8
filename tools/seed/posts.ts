import type { DocId } from '@/lib/docId'
import { slugify } from '@/lib/slugify'

import { demoPosts } from './content/demoPosts'
import { referencePost } from './content/referencePost'
import { demoReusableBlocks } from './content/reusableBlocks'
import { demoAuthors, demoCategories, demoTags } from './content/taxonomy'
import { placeholderImage } from './images'
import { type ContentBlock, document } from './lexical'
import { type Seeder, bySlug } from './seeder'

export const REFERENCE_POST_SLUG = 'ways-to-achieve-pain-relief-through-medical-massage'

type PostInput = {
  title: string
  slug?: string
  excerpt: string
  publishedAt: string
  author: string
  categories: string[]
  tags: string[]
  featuredImage: DocId
  blocks: ContentBlock[]
  inlineImages?: Map<string, DocId>
  review?: { by: string; on: string }
}

/** Looks a seeded id up by its slug or title, failing loudly on a name the content gets wrong. */
const lookup = (map: Map<string, DocId>, what: string) => (name: string) => {
  const id = map.get(name)
  if (id === undefined) throw new Error(`Seed content names a missing ${what}: ${name}`)
  return id
}

/**
 * Authors, taxonomy, reusable blocks, images, the reference post and the shorter demo posts,
 * each found by its slug, title or file name and created only when missing.
 */
export const seedPosts = async (seeder: Seeder): Promise<void> => {
  const authors = new Map<string, DocId>()
  const categories = new Map<string, DocId>()
  const tags = new Map<string, DocId>()
  for (const a of demoAuthors)
    authors.set(a.slug, await seeder.ensure('authors', bySlug(a.slug), a))
  for (const c of demoCategories)
    categories.set(c.slug, await seeder.ensure('categories', bySlug(c.slug), c))
  for (const t of demoTags) tags.set(t.slug, await seeder.ensure('tags', bySlug(t.slug), t))

  const blocks = new Map<string, DocId>()
  for (const block of demoReusableBlocks) {
    const content = document(block.blocks, lookup(new Map(), 'image'))
    const key = { field: 'title', value: block.title }
    blocks.set(block.title, await seeder.ensure('reusable-blocks', key, { content }))
  }

  let imageSeed = 0
  // Found before it is drawn: making a placeholder image is the slow part of seeding.
  const image = async (name: string, alt: string): Promise<DocId> => {
    imageSeed += 1
    const key = { field: 'filename', value: `${name}.webp` }
    const existing = await seeder.find('media', key)
    if (existing) return existing.id
    const data = await placeholderImage(imageSeed)
    const file = { data, mimetype: 'image/webp', name: key.value, size: data.length }
    return seeder.create('media', { alt }, { file })
  }

  const post = async (input: PostInput) => {
    const slug = input.slug ?? slugify(input.title)
    const content = document(
      input.blocks,
      lookup(input.inlineImages ?? new Map(), 'image'),
      lookup(blocks, 'block'),
    )
    await seeder.ensure(
      'posts',
      bySlug(slug),
      {
        title: input.title,
        excerpt: input.excerpt,
        publishedAt: input.publishedAt,
        _status: 'published',
        featuredImage: input.featuredImage,
        authors: [authors.get(input.author)].filter((id) => id !== undefined),
        categories: input.categories.flatMap((c) => categories.get(c) ?? []),
        tags: input.tags.flatMap((t) => tags.get(t) ?? []),
        ...(input.review
          ? { reviewedBy: authors.get(input.review.by), lastReviewedAt: input.review.on }
          : {}),
        content,
      },
      { draft: false },
    )
  }

  const featuredAlt = `Featured image for “${referencePost.title}”`
  const inlineAlt = 'pain relief through medical massage'
  await post({
    title: referencePost.title,
    slug: REFERENCE_POST_SLUG,
    excerpt:
      'How medical massage relieves pain and inflammation, which kinds of pain it helps, what a medical massage therapist does, and how often to go.',
    publishedAt: referencePost.publishedAt,
    author: 'maya-alvarez',
    categories: ['massage-therapy', 'wellness'],
    tags: ['pain-relief'],
    featuredImage: await image('featured-pain-relief-medical-massage', featuredAlt),
    blocks: [...referencePost.blocks, { type: 'reusable', title: 'Medical disclaimer' }],
    review: { by: 'jordan-lee', on: '2026-10-15T00:00:00.000Z' },
    inlineImages: new Map([
      [inlineAlt, await image('pain-relief-through-medical-massage', inlineAlt)],
    ]),
  })
  for (const [i, demo] of demoPosts.entries()) {
    await post({ ...demo, featuredImage: await image(`demo-${i + 1}`, demo.imageAlt) })
  }
}
