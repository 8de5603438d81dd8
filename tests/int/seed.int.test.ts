import type { Payload } from 'payload'

import { standalonePayload } from '../support/server'

let payload: Payload
let cleanup: () => Promise<void>

beforeAll(async () => {
  ;({ payload, cleanup } = await standalonePayload({ seed: false }))
}, 120_000)

afterAll(async () => {
  await cleanup?.()
})

const counts = async () => {
  const collections = [
    'users',
    'authors',
    'categories',
    'tags',
    'media',
    'posts',
    'comments',
  ] as const
  const entries = await Promise.all(
    collections.map(async (c) => [c, (await payload.count({ collection: c })).totalDocs] as const),
  )
  return Object.fromEntries(entries)
}

describe('first user', () => {
  it('becomes admin whatever roles were asked for; the next one does not', async () => {
    const first = await payload.create({
      collection: 'users',
      data: { email: 'owner@clinic.example', password: 'owner-password', roles: ['editor'] },
    })
    expect(first.roles).toEqual(['admin'])
    const second = await payload.create({
      collection: 'users',
      data: { email: 'second@clinic.example', password: 'second-password', roles: ['editor'] },
    })
    expect(second.roles).toEqual(['editor'])
  })
})

describe('seedDemoContent', () => {
  it('creates the demo content once and nothing on a second run', async () => {
    const { seedDemoContent } = await import('@/tools/seed')
    const first = await seedDemoContent(payload)
    expect(first.created).toMatchObject({
      authors: 2,
      categories: 4,
      tags: 4,
      posts: 8,
      media: 9,
      comments: 5,
      settings: 1,
    })
    const after = await counts()

    const second = await seedDemoContent(payload)
    expect(second.created).toEqual({})
    expect(await counts()).toEqual(after)
  }, 120_000)

  it('creates the three staff roles, each with its own role', async () => {
    const { docs } = await payload.find({
      collection: 'users',
      where: { email: { like: 'inkwell.test' } },
    })
    const roles = Object.fromEntries(docs.map((u) => [u.email, u.roles]))
    expect(roles).toEqual({
      'admin@inkwell.test': ['admin'],
      'editor@inkwell.test': ['editor'],
      'moderator@inkwell.test': ['moderator'],
    })
  })

  it('stores the reference post published, with its author, images and structure', async () => {
    const { REFERENCE_POST_SLUG } = await import('@/tools/seed')
    const { docs } = await payload.find({
      collection: 'posts',
      where: { slug: { equals: REFERENCE_POST_SLUG } },
      depth: 1,
    })
    const post = docs[0]
    if (!post) throw new Error('reference post missing')
    expect(post.title).toBe('Ways to Achieve Pain Relief Through Medical Massage')
    expect(post._status).toBe('published')
    expect(post.publishedAt).toBe('2023-12-01T15:00:00.000Z')
    expect(post.authors?.map((a) => (typeof a === 'object' ? a.name : a))).toEqual(['Maya Alvarez'])
    const featured = post.featuredImage
    expect(typeof featured === 'object' && featured?.alt).toBe(
      'Featured image for “Ways to Achieve Pain Relief Through Medical Massage”',
    )
    const nodes = post.content.root.children as {
      type: string
      tag?: string
      value?: { alt?: string }
    }[]
    expect(nodes.filter((n) => n.type === 'heading' && n.tag === 'h2')).toHaveLength(11)
    expect(nodes.filter((n) => n.type === 'list')).toHaveLength(3)
    expect(nodes.find((n) => n.type === 'upload')?.value?.alt).toBe(
      'pain relief through medical massage',
    )
  })

  it('gives the reference post a thread with a staff reply and one comment to moderate', async () => {
    const { REFERENCE_POST_SLUG } = await import('@/tools/seed')
    const { docs: posts } = await payload.find({
      collection: 'posts',
      where: { slug: { equals: REFERENCE_POST_SLUG } },
    })
    const { docs } = await payload.find({
      collection: 'comments',
      where: { post: { equals: posts[0]!.id } },
      sort: 'submittedAt',
      depth: 0,
    })
    expect(docs.map((c) => c.status)).toEqual([
      'approved',
      'approved',
      'approved',
      'approved',
      'pending',
    ])
    const reply = docs.find((c) => c.isStaffReply)
    const question = docs.find((c) => c.id === reply?.parent)
    expect(question?.authorName).toBe('Marcus Bell')
    expect(docs.find((c) => c.parent === reply?.id)).toMatchObject({ threadDepth: 3 })
    // Readers see the approved four, never the one waiting.
    const seen = await payload.find({
      collection: 'comments',
      where: { post: { equals: posts[0]!.id } },
      overrideAccess: false,
    })
    expect(seen.totalDocs).toBe(4)
  })

  it('fills the site settings with the closing note and the call to action', async () => {
    const settings = await payload.findGlobal({ slug: 'site-settings' })
    expect(settings.closingNote?.heading).toBe('A Note From Replenish Aesthetics and Wellness')
    expect(settings.callToAction?.text).toBe(
      'Ready to schedule your treatment or Dysport/ Filler Party?',
    )
  })

  it('generates unique slugs when two posts share a title', async () => {
    const make = () =>
      payload.create({
        collection: 'posts',
        data: { title: 'Same Title', content: emptyContent, _status: 'draft' },
        draft: true,
      })
    const a = await make()
    const b = await make()
    expect(a.slug).toBe('same-title')
    expect(b.slug).toBe('same-title-2')
  })
})

const emptyContent = {
  root: { type: 'root', children: [], direction: null, format: '', indent: 0, version: 1 },
} as never
