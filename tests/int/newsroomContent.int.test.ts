import { CacheTags } from '@/lib/cacheTags'
import { findMissingBlockReferences, findReviewsDue } from '@/lib/content/problems'
import { expireTags } from '@/lib/server/revalidate'
import { REFERENCE_POST_SLUG } from '@/tools/seed'
import { reusableBlock } from '@/tools/seed/lexical'

import { newsroomSite, page, payload, server, text } from '../support/newsroomSite'
import { signIn } from '../support/server'

newsroomSite()

describe('reusable blocks', () => {
  let blockId: number
  let postIds: number[]

  beforeAll(async () => {
    const block = await payload.create({
      collection: 'reusable-blocks',
      data: { title: 'Parking note', content: text('Park behind the clinic, spaces 1 to 6.') },
    })
    blockId = block.id
    postIds = []
    for (const title of ['Directions to the Clinic', 'Our New Opening Hours']) {
      const post = await payload.create({
        collection: 'posts',
        data: {
          title,
          _status: 'published',
          content: {
            root: {
              ...(text(`About ${title}.`) as { root: object }).root,
              children: [
                ...(text(`About ${title}.`) as { root: { children: object[] } }).root.children,
                reusableBlock(block.id),
              ],
            },
          } as never,
        },
      })
      postIds.push(post.id)
    }
  })

  it('render in each post that inserts them, and an edit shows in all of them', async () => {
    expect(await page('/posts/directions-to-the-clinic')).toContain('spaces 1 to 6')
    expect(await page('/posts/our-new-opening-hours')).toContain('spaces 1 to 6')
    await payload.update({
      collection: 'reusable-blocks',
      id: blockId,
      data: { content: text('Park in the garage on Elm Street.') },
    })
    for (const slug of ['directions-to-the-clinic', 'our-new-opening-hours']) {
      const html = await page(`/posts/${slug}`)
      expect(html).toContain('Park in the garage on Elm Street.')
      expect(html).not.toContain('spaces 1 to 6')
    }
  })

  it('list where they are used', async () => {
    const block = await payload.findByID({ collection: 'reusable-blocks', id: blockId, depth: 1 })
    const used = (block.usedIn?.docs ?? []).map((d) => (typeof d === 'object' ? d.id : d))
    expect(used.sort()).toEqual([...postIds].sort())
  })

  it('readers never learn of a draft through a block’s Used in list', async () => {
    const secret = await payload.create({
      collection: 'posts',
      draft: true,
      data: {
        title: 'Secret Draft Using The Block',
        _status: 'draft',
        content: {
          root: {
            ...(text('Draft.') as { root: object }).root,
            children: [reusableBlock(blockId)],
          },
        } as never,
      },
    })
    const res = await fetch(`${server.url}/api/reusable-blocks/${blockId}?depth=1`)
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(body).not.toContain('Secret Draft Using The Block')
    expect(body).toContain('Directions to the Clinic')
    await payload.delete({ collection: 'posts', id: secret.id })
  })

  it('cannot be deleted while used; the refusal names the posts', async () => {
    const { headers } = await signIn(server, 'editor')
    const res = await fetch(`${server.url}/api/reusable-blocks/${blockId}`, {
      method: 'DELETE',
      headers,
    })
    expect(res.status).toBe(409)
    const body = await res.text()
    expect(body).toContain('Directions to the Clinic')
    expect(body).toContain('Our New Opening Hours')
    expect(
      await payload.count({ collection: 'reusable-blocks', where: { id: { equals: blockId } } }),
    ).toEqual({ totalDocs: 1 })
  })

  it('a block that is missing renders nothing, and is reported to staff and in the log', async () => {
    // As if the database were edited by hand (or content imported from elsewhere): the post's
    // content now inserts a block id that does not exist. The adapter writes it; no hooks run.
    const missingId = 987654
    await payload.db.updateOne({
      collection: 'posts',
      id: postIds[0]!,
      data: {
        content: {
          root: {
            ...(text('About the clinic.') as { root: object }).root,
            children: [
              ...(text('How to find us.') as { root: { children: object[] } }).root.children,
              reusableBlock(missingId),
            ],
          },
        },
      },
    })
    await expireTags(payload, [CacheTags.post('directions-to-the-clinic')])
    const html = await page('/posts/directions-to-the-clinic')
    expect(html).toContain('How to find us.')
    expect(html).not.toContain('Elm Street')
    expect(html).not.toMatch(/Unable to locate|class="reusable-block"/)

    const broken = await findMissingBlockReferences(payload)
    expect(broken).toEqual([
      { id: String(postIds[0]), title: 'Directions to the Clinic', missing: [String(missingId)] },
    ])
    expect(server.logs()).toContain(
      `Post "directions-to-the-clinic" inserts reusable block(s) ${missingId} that do not exist`,
    )
    const { headers } = await signIn(server, 'editor')
    const dashboard = await (await fetch(`${server.url}/admin`, { headers })).text()
    expect(dashboard).toContain('Content problems')
    expect(dashboard).toContain(`Directions to the Clinic</a> inserts reusable block`)
  })
})

describe('archives and search', () => {
  it('category and tag archives list their posts; unknown ones are 404s', async () => {
    const category = await page('/categories/massage-therapy')
    expect(category).toContain('<h1>Massage Therapy</h1>')
    expect(category).toContain('Ways to Achieve Pain Relief Through Medical Massage')
    expect(category).not.toContain('What to Expect at Your First Dysport Appointment')
    expect(await page('/tags/dysport')).toContain(
      'What to Expect at Your First Dysport Appointment',
    )
    await page('/categories/no-such-category', 404)
    await page('/categories/massage-therapy/page/9', 404)
  })

  it('archives are paginated', async () => {
    const { docs } = await payload.find({
      collection: 'categories',
      where: { slug: { equals: 'wellness' } },
    })
    for (let i = 1; i <= 7; i++) {
      await payload.create({
        collection: 'posts',
        data: {
          title: `Wellness Tip ${i}`,
          _status: 'published',
          categories: [docs[0]!.id],
          content: text(`Tip number ${i}.`),
        },
      })
    }
    const first = await page('/categories/wellness')
    expect(first).toContain('href="/categories/wellness/page/2"')
    const second = await page('/categories/wellness/page/2')
    expect(second).toContain('Page 2 of')
    const redirect = await fetch(`${server.url}/categories/wellness/page/1`, { redirect: 'manual' })
    expect(redirect.status).toBe(308)
  })

  it('search finds every word across title and text, marks them, and says when nothing matches', async () => {
    // "stretches" is in the title, "doorway" only in the text of one post.
    const html = await page('/search?q=stretches+DOORWAY')
    expect(html).toContain('1 post found.')
    expect(html).toContain('<mark>Stretches</mark>')
    expect(html).toContain('<mark>Doorway</mark>')
    const none = await page('/search?q=xylophone+quartz')
    expect(none).toContain('No posts found.')
    expect(none).toContain('Try fewer or different words')
  })

  it('an old address with a redirect goes on to its new page; others get the 404 page', async () => {
    await payload.create({
      collection: 'redirects',
      data: {
        from: '/ejercicios-de-movilidad-para-la-espalda-%f0%9f%a7%98/',
        to: { type: 'custom', url: `/posts/${REFERENCE_POST_SLUG}` },
      },
    })
    for (const old of [
      '/ejercicios-de-movilidad-para-la-espalda-%F0%9F%A7%98',
      '/ejercicios-de-movilidad-para-la-espalda-🧘',
    ]) {
      const res = await fetch(`${server.url}${encodeURI(old).replace(/%25/g, '%')}`, {
        redirect: 'manual',
      })
      expect(res.status).toBe(301)
      expect(new URL(res.headers.get('location')!, server.url).pathname).toBe(
        `/posts/${REFERENCE_POST_SLUG}`,
      )
    }
    expect(await page('/no-such-old-post', 404)).toContain('Page not found')
  })

  it('lists posts whose medical review is due', async () => {
    const due = await findReviewsDue(payload, 365)
    const titles = due.posts.map((p) => p.title)
    // The reference post was reviewed recently; the others never were.
    expect(titles).not.toContain('Ways to Achieve Pain Relief Through Medical Massage')
    expect(due.total).toBeGreaterThan(0)
    const strict = await findReviewsDue(payload, 1)
    expect(strict.total).toBe(due.total + 1)
  })
})
