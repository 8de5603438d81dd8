import type { Payload } from 'payload'

import { slugify } from '@/lib/slugify'

import { demoComments } from './content/demoComments'
import { referencePost } from './content/referencePost'
import { demoPosts } from './content/demoPosts'
import { demoReusableBlocks } from './content/reusableBlocks'
import { demoAuthors, demoCategories, demoTags } from './content/taxonomy'
import { placeholderImage } from './images'
import { type ContentBlock, document } from './lexical'
import { demoStaffAccounts } from './staff'

export const REFERENCE_POST_SLUG = 'ways-to-achieve-pain-relief-through-medical-massage'

type SeedSummary = { created: Record<string, number> }

/**
 * Creates the demo content: staff accounts, authors, taxonomy, images, the reference post and
 * shorter posts, and site settings. Idempotent: each item is looked up by its natural key
 * (email, slug, file name) and created only when missing, so a second run changes nothing.
 * Hooks are told not to revalidate: nothing is cached yet, and this may run outside Next.
 */
export const seedDemoContent = async (payload: Payload): Promise<SeedSummary> => {
  const created: Record<string, number> = {}
  // A fresh context for every call: Payload and its plugins write flags into it while a call
  // runs (the storage plugin's skipCloudStorage), which must not leak into the next call.
  const context = () => ({ disableRevalidate: true })
  const count = (what: string) => (created[what] = (created[what] ?? 0) + 1)

  const findOne = async (
    collection:
      | 'users'
      | 'authors'
      | 'categories'
      | 'tags'
      | 'media'
      | 'posts'
      | 'reusable-blocks'
      | 'comments',
    field: string,
    value: string,
  ) => {
    const { docs } = await payload.find({
      collection,
      where: { [field]: { equals: value } },
      limit: 1,
      depth: 0,
      draft: true,
      context: context(),
    })
    return docs[0] as { id: number | string } | undefined
  }

  const ensure = async <T extends Record<string, unknown>>(
    collection: 'authors' | 'categories' | 'tags',
    item: T & { slug: string },
  ) => {
    const existing = await findOne(collection, 'slug', item.slug)
    if (existing) return existing.id
    count(collection)
    const doc = await payload.create({ collection, data: item as never, context: context() })
    return doc.id
  }

  for (const account of demoStaffAccounts()) {
    if (await findOne('users', 'email', account.email)) continue
    count('users')
    await payload.create({
      collection: 'users',
      data: {
        email: account.email,
        password: account.password,
        roles: [account.role],
        name: `Demo ${account.role}`,
      },
      context: context(),
    })
  }

  const ids = {
    authors: new Map<string, number | string>(),
    categories: new Map<string, number | string>(),
    tags: new Map<string, number | string>(),
  }
  for (const a of demoAuthors) ids.authors.set(a.slug, await ensure('authors', a))
  for (const c of demoCategories) ids.categories.set(c.slug, await ensure('categories', c))
  for (const t of demoTags) ids.tags.set(t.slug, await ensure('tags', t))

  const blocks = new Map<string, number | string>()
  for (const block of demoReusableBlocks) {
    const existing = await findOne('reusable-blocks', 'title', block.title)
    if (existing) {
      blocks.set(block.title, existing.id)
      continue
    }
    count('reusable-blocks')
    const doc = await payload.create({
      collection: 'reusable-blocks',
      data: { title: block.title, content: document(block.blocks, () => 0) as never },
      context: context(),
    })
    blocks.set(block.title, doc.id)
  }

  let imageSeed = 0
  const image = async (name: string, alt: string) => {
    imageSeed += 1
    const filename = `${name}.webp`
    const existing = await findOne('media', 'filename', filename)
    if (existing) return existing.id
    count('media')
    const data = await placeholderImage(imageSeed)
    const doc = await payload.create({
      collection: 'media',
      data: { alt },
      file: { data, mimetype: 'image/webp', name: filename, size: data.length },
      context: context(),
    })
    return doc.id
  }

  const post = async (input: {
    title: string
    slug?: string
    excerpt: string
    publishedAt: string
    author: string
    categories: string[]
    tags: string[]
    featuredImage: number | string
    blocks: ContentBlock[]
    inlineImages?: Map<string, number | string>
    review?: { by: string; on: string }
  }) => {
    const slugKey = input.slug ?? slugify(input.title)
    if (await findOne('posts', 'slug', slugKey)) return
    count('posts')
    await payload.create({
      collection: 'posts',
      draft: false,
      context: context(),
      data: {
        title: input.title,
        slug: slugKey,
        excerpt: input.excerpt,
        publishedAt: input.publishedAt,
        _status: 'published',
        featuredImage: input.featuredImage as number,
        authors: [ids.authors.get(input.author)].filter(Boolean) as number[],
        categories: input.categories.map((c) => ids.categories.get(c)).filter(Boolean) as number[],
        tags: input.tags.map((t) => ids.tags.get(t)).filter(Boolean) as number[],
        ...(input.review
          ? {
              reviewedBy: ids.authors.get(input.review.by) as number,
              lastReviewedAt: input.review.on,
            }
          : {}),
        content: document(
          input.blocks,
          (alt) => {
            const id = input.inlineImages?.get(alt)
            if (id === undefined)
              throw new Error(`Seed content names an image with no upload: ${alt}`)
            return id
          },
          (title) => {
            const id = blocks.get(title)
            if (id === undefined) throw new Error(`Seed content names a missing block: ${title}`)
            return id
          },
        ) as never,
      },
    })
  }

  const title = `Featured image for “${referencePost.title}”`
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
    featuredImage: await image('featured-pain-relief-medical-massage', title),
    blocks: [...referencePost.blocks, { type: 'reusable', title: 'Medical disclaimer' }],
    review: { by: 'jordan-lee', on: '2026-10-15T00:00:00.000Z' },
    inlineImages: new Map([
      [inlineAlt, await image('pain-relief-through-medical-massage', inlineAlt)],
    ]),
  })
  for (const [i, demo] of demoPosts.entries()) {
    await post({ ...demo, featuredImage: await image(`demo-${i + 1}`, demo.imageAlt) })
  }

  // Comments were moderated when written, so they skip screening (as imported ones do).
  const referencePostId = (await findOne('posts', 'slug', REFERENCE_POST_SLUG))?.id
  const comments = new Map<string, { id: number | string; depth: number }>()
  for (const comment of referencePostId === undefined ? [] : demoComments) {
    const importKey = `demo:comment:${comment.key}`
    const parent = comment.replyTo ? comments.get(comment.replyTo) : undefined
    const depth = (parent?.depth ?? 0) + 1
    const existing = await findOne('comments', 'importKey', importKey)
    if (existing) {
      comments.set(comment.key, { id: existing.id, depth })
      continue
    }
    count('comments')
    const doc = await payload.create({
      collection: 'comments',
      context: { ...context(), trustedImport: true },
      data: {
        post: referencePostId as number,
        parent: (parent?.id ?? null) as number | null,
        threadDepth: depth,
        authorName: comment.authorName,
        authorEmail: comment.authorEmail,
        authorWebsite: comment.authorWebsite ?? null,
        body: comment.body,
        status: comment.status,
        isStaffReply: Boolean(comment.staff),
        submittedAt: comment.submittedAt,
        importKey,
      },
    })
    comments.set(comment.key, { id: doc.id, depth })
  }

  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  if (!settings.tagline) {
    count('settings')
    await payload.updateGlobal({
      slug: 'site-settings',
      context: context(),
      data: {
        siteName: 'Replenish Aesthetics and Wellness',
        tagline: 'Medical massage, aesthetics and wellness',
        closingNote: referencePost.closingNote,
        callToAction: {
          text: 'Ready to schedule your treatment or Dysport/ Filler Party?',
          linkLabel: 'Call (555) 010-0123 to book',
          linkUrl: 'tel:+15550100123',
        },
      },
    })
  }
  return { created }
}

/** True when nothing has been created yet: no staff account and no post. */
export const isDatabaseEmpty = async (payload: Payload): Promise<boolean> => {
  const [users, posts] = await Promise.all([
    payload.count({ collection: 'users' }),
    payload.count({ collection: 'posts' }),
  ])
  return users.totalDocs === 0 && posts.totalDocs === 0
}
