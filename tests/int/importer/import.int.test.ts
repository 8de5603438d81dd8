import { countWork, importWordpress } from '@/tools/importer/run'
import { parseWxr } from '@/tools/importer/wxr'

import { getHtml } from '../../support/server'
import {
  config,
  deepestReplyId,
  findOne,
  first,
  importedSite,
  payload,
  progressTicks,
  registeredUserCommentId,
  server,
  total,
  UPLOADS,
  xml,
} from './lakeside'

importedSite()

describe('importing the Lakeside export', () => {
  it('brings over every count the file holds (less what is reported as skipped)', async () => {
    expect(first.counts.authors.imported).toBe(2)
    expect(first.counts.categories.imported).toBe(5)
    expect(first.counts.tags.imported).toBe(11)
    expect(first.counts.media.imported).toBe(1)
    expect(first.counts.blocks.imported).toBe(1)
    expect(first.counts.posts).toEqual({ imported: 8, updated: 0, unchanged: 0, skipped: 1 })
    expect(first.counts.comments).toEqual({ imported: 12, updated: 0, unchanged: 0, skipped: 1 })
    expect(await total('posts')).toBe(8)
    expect(await total('comments')).toBe(12)
    expect(await total('authors')).toBe(2)
    expect(await total('categories')).toBe(5)
    expect(await total('tags')).toBe(11)
    expect(await total('reusable-blocks')).toBe(1)
  })

  it('moves the progress bar once per item, to exactly its total', () => {
    expect(progressTicks).toBe(countWork(parseWxr(xml)))
  })

  it('maps statuses: publish, draft, future (scheduled), private and password-protected', async () => {
    expect((await findOne('posts', 'wordpress:post:7'))?._status).toBe('published')
    expect((await findOne('posts', 'wordpress:post:11'))?._status).toBe('draft')
    expect((await findOne('posts', 'wordpress:post:13'))?._status).toBe('draft')
    expect((await findOne('posts', 'wordpress:post:14'))?._status).toBe('draft')
    const future = await findOne('posts', 'wordpress:post:12')
    expect(future?._status).toBe('draft')
    expect(future?.publishedAt).toBe('2027-01-18T15:00:00.000Z')
    const jobs = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'schedulePublish' } },
    })
    expect(jobs.docs.map((j) => new Date(j.waitUntil as string).toISOString())).toEqual([
      '2027-01-18T15:00:00.000Z',
    ])
    const warnings = first.warnings.map((w) => `${w.item}: ${w.message}`)
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/post 13 .*private.*imported as a draft/),
        expect.stringMatching(/post 14 .*password-protected.*imported as a draft/),
        expect.stringMatching(/comment 8: a pingback .*skipped/),
      ]),
    )
  })

  it('keeps the category hierarchy and decoded names', async () => {
    const child = await findOne(
      'categories',
      'wordpress:category:' + parseWxr(xml).categories.find((c) => c.slug === 'sports-massage')!.id,
    )
    const parent = await findOne(
      'categories',
      'wordpress:category:' + parseWxr(xml).categories.find((c) => c.slug === 'treatments')!.id,
    )
    expect(child?.parent).toBe(parent?.id)
    // Readers see it in the archive's breadcrumbs.
    const archive = await getHtml(`${server.url}/categories/sports-massage`)
    expect(archive).toContain('<a href="/categories/treatments">Treatments</a>')
    const { docs } = await payload.find({
      collection: 'tags',
      where: { title: { equals: 'Rest & Recovery' } },
    })
    expect(docs).toHaveLength(1)
  })

  it('brings images as media with their alt text, as featured and inline images', async () => {
    const image = await findOne('media', 'wordpress:attachment:6')
    expect(image?.alt).toBe('Treatment table by a window overlooking the lake')
    expect(image?.caption).toBe('Our main treatment room, looking out over the lake.')
    expect((await findOne('posts', 'wordpress:post:7'))?.featuredImage).toBe(image?.id)
    const spanish = await findOne('posts', 'wordpress:post:9')
    expect(JSON.stringify(spanish?.content)).toContain(
      `"relationTo":"media","value":${JSON.stringify(image?.id)}`,
    )
  })

  it('threads comments, maps their statuses and skips the pingback', async () => {
    const reply = await findOne('comments', 'wordpress:comment:' + deepestReplyId())
    expect(reply?.threadDepth).toBe(4)
    const { docs } = await payload.find({
      collection: 'comments',
      limit: 100,
      depth: 0,
      select: { status: true },
    })
    const imported = docs.reduce<Record<string, number>>(
      (acc, d) => ({ ...acc, [d.status as string]: (acc[d.status as string] ?? 0) + 1 }),
      {},
    )
    // What the file holds, less the pingback: 1 -> approved, 0 -> pending, trash -> trash.
    const expected: Record<string, number> = {}
    const names: Record<string, string> = { '1': 'approved', '0': 'pending', trash: 'trash' }
    for (const c of parseWxr(xml).items.flatMap((i) => i.comments)) {
      if (c.type !== 'comment') continue
      expected[names[c.approved]!] = (expected[names[c.approved]!] ?? 0) + 1
    }
    expect(imported).toEqual(expected)
    expect(expected).toEqual({ approved: 9, pending: 2, trash: 1 })
  })

  it('reports the block that is not in the export, and the post renders without it', async () => {
    expect(first.warnings.map((w) => w.message)).toContain(
      'refers to reusable block 19151, which is not in the export: nothing is shown there',
    )
    const html = await getHtml(`${server.url}/posts/three-desk-stretches-video`)
    expect(html).toContain('Log your stretches')
    expect(html).toContain('Booking details:')
  })

  it('imports a registered WordPress user’s comment as a reader comment, and says why', async () => {
    // Dr. Ana Ruiz's reply: WordPress user 1, an administrator there, which WXR does not say.
    const reply = await findOne('comments', `wordpress:comment:${registeredUserCommentId()}`)
    expect(reply?.authorName).toBe('Dr. Ana Ruiz')
    expect(reply?.isStaffReply).toBe(false)
    const html = await getHtml(`${server.url}/posts/sports-massage-after-a-marathon-what-to-expect`)
    expect(html).toContain('Congratulations, José!')
    expect(html).not.toMatch(/class="badge">Staff</)
    const said = first.warnings.filter((w) => w.message.includes('imported as reader comments'))
    expect(said).toEqual([
      {
        item: 'author clinic-editor',
        message:
          'comments by WordPress user “clinic-editor” (Dr. Ana Ruiz) were imported as reader comments: an export does not say who is an editor or administrator; run again with --staff clinic-editor if they are',
      },
    ])
  })

  it('with staffLogins, that user’s comments become staff replies, and a run without undoes it', async () => {
    const importKey = `wordpress:comment:${registeredUserCommentId()}`
    // Logins match whatever their case.
    const staff = await importWordpress(payload, config, parseWxr(xml), {
      mediaDir: UPLOADS,
      staffLogins: ['Clinic-Editor'],
    })
    expect(staff.changes).toEqual([{ key: importKey, action: 'updated' }])
    expect((await findOne('comments', importKey))?.isStaffReply).toBe(true)
    expect(staff.warnings.filter((w) => w.message.includes('reader comments'))).toEqual([])
    const again = await importWordpress(payload, config, parseWxr(xml), {
      mediaDir: UPLOADS,
      staffLogins: ['clinic-editor'],
    })
    expect(again.changes).toEqual([])
    const back = await importWordpress(payload, config, parseWxr(xml), { mediaDir: UPLOADS })
    expect(back.changes).toEqual([{ key: importKey, action: 'updated' }])
    expect((await findOne('comments', importKey))?.isStaffReply).toBe(false)
  })

  it('refuses a staff login the export does not have, before writing anything', async () => {
    const changed = xml.replace('Welcome to the Lakeside Physio Journal', 'Welcome, again')
    await expect(
      importWordpress(payload, config, parseWxr(changed), {
        mediaDir: UPLOADS,
        staffLogins: ['clinic-editor', 'nobody'],
      }),
    ).rejects.toThrow(
      '--staff nobody: there is no WordPress user “nobody” in this export (its users are clinic-editor, front-desk)',
    )
    expect((await findOne('posts', 'wordpress:post:7'))?.title).toBe(
      'Welcome to the Lakeside Physio Journal',
    )
  })

  it('renders an imported post with its comments and redirects its old address', async () => {
    const html = await getHtml(`${server.url}/posts/sports-massage-after-a-marathon-what-to-expect`)
    expect(html).toContain('José Martínez')
    expect(html).toContain('Priya &amp; Tom')
    expect(html).not.toContain('@example')
    // WordPress permalinks end in a slash: Next first drops it (308), then the old address
    // answers 301 with the new one.
    const old = await fetch(`${server.url}/sports-massage-after-a-marathon-what-to-expect/`, {
      redirect: 'manual',
    })
    expect(old.status).toBe(308)
    expect(old.headers.get('location')).toBe('/sports-massage-after-a-marathon-what-to-expect')
    const moved = await fetch(new URL(old.headers.get('location')!, server.url), {
      redirect: 'manual',
    })
    expect(moved.status).toBe(301)
    expect(new URL(moved.headers.get('location')!, server.url).pathname).toBe(
      '/posts/sports-massage-after-a-marathon-what-to-expect',
    )
  })

  it('points each old address at its post itself, so a new slug never breaks it', async () => {
    const { docs } = await payload.find({
      collection: 'redirects',
      where: { from: { equals: '/sports-massage-after-a-marathon-what-to-expect' } },
      depth: 0,
    })
    const { docs: posts } = await payload.find({
      collection: 'posts',
      where: { slug: { equals: 'sports-massage-after-a-marathon-what-to-expect' } },
      depth: 0,
    })
    expect(posts).toHaveLength(1)
    expect(docs[0]?.to).toMatchObject({
      type: 'reference',
      reference: { relationTo: 'posts', value: posts[0]!.id },
    })
  })

  it('never shows imported emails or IP hashes to the public', async () => {
    const res = await fetch(`${server.url}/api/comments?limit=100&depth=0`)
    const body = await res.text()
    expect(body).toContain('José Martínez')
    expect(body).not.toMatch(/@example\.|authorEmail|ipHash/)
  })
})
