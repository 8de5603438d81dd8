import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload, SanitizedConfig } from 'payload'

import { type ImportReport, countWork, importWordpress } from '@/tools/importer/run'
import { parseWxr } from '@/tools/importer/wxr'

import { type TestServer, getHtml, localPayload, startServer } from '../support/server'

const FIXTURE = path.resolve('tests/fixtures/wordpress/lakeside-export.xml')
const UPLOADS = path.resolve('tests/fixtures/wordpress/uploads')
const xml = readFileSync(FIXTURE, 'utf8')

let server: TestServer
let payload: Payload
let config: SanitizedConfig
let first: ImportReport
let progressTicks = 0

const findOne = async (
  collection: 'posts' | 'comments' | 'categories' | 'media',
  importKey: string,
) => {
  const { docs } = await payload.find({
    collection,
    where: { importKey: { equals: importKey } },
    draft: true,
    depth: 0,
    limit: 1,
  } as never)
  return docs[0] as Record<string, unknown> | undefined
}
const total = async (
  collection:
    | 'posts'
    | 'comments'
    | 'authors'
    | 'categories'
    | 'tags'
    | 'media'
    | 'redirects'
    | 'reusable-blocks',
) => (await payload.count({ collection, where: { importKey: { exists: true } } })).totalDocs

beforeAll(async () => {
  // An empty blog, as a clinic moving from WordPress would start.
  server = await startServer({ seed: false })
  payload = await localPayload(server)
  config = await (await import('@/payload.config')).default
  first = await importWordpress(payload, config, parseWxr(xml), {
    mediaDir: UPLOADS,
    onItem: () => (progressTicks += 1),
  })
}, 180_000)

afterAll(async () => {
  await payload?.destroy()
  await server?.stop()
})

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

  it('a second run changes nothing', async () => {
    const before = await Promise.all(
      (['posts', 'comments', 'media', 'redirects'] as const).map(total),
    )
    const second = await importWordpress(payload, config, parseWxr(xml), { mediaDir: UPLOADS })
    for (const tally of Object.values(second.counts)) {
      expect(tally.imported + tally.updated).toBe(0)
    }
    expect(
      await Promise.all((['posts', 'comments', 'media', 'redirects'] as const).map(total)),
    ).toEqual(before)
  })

  it('a dry run reports and writes nothing', async () => {
    const changed = xml.replace('Welcome to the Lakeside Physio Journal', 'Welcome, again')
    const dry = await importWordpress(payload, config, parseWxr(changed), {
      dryRun: true,
      mediaDir: UPLOADS,
    })
    expect(dry.counts.posts.updated).toBe(1)
    expect((await findOne('posts', 'wordpress:post:7'))?.title).toBe(
      'Welcome to the Lakeside Physio Journal',
    )
  })

  it('a bad item is reported and skipped; the items after it still import', async () => {
    // Post 7's title made too long for the blog (200 characters at most), and a later post
    // changed.
    const changed = xml
      .replace(
        '<title><![CDATA[Welcome to the Lakeside Physio Journal]]>',
        `<title><![CDATA[${'x'.repeat(250)}]]>`,
      )
      .replace('Coming soon: pelvic health clinic', 'Coming soon: pelvic health clinic, updated')
    const report = await importWordpress(payload, config, parseWxr(changed), { mediaDir: UPLOADS })
    const bad = report.warnings.filter((w) => w.item.startsWith('post 7 '))
    expect(bad.map((w) => w.message)).toContainEqual(expect.stringMatching(/^not imported: /))
    expect(report.counts.posts.skipped).toBe(2) // the page, and post 7
    expect(report.counts.posts.updated).toBe(1) // post 12, after the bad one
    expect((await findOne('posts', 'wordpress:post:12'))?.title).toBe(
      'Coming soon: pelvic health clinic, updated',
    )
    expect((await findOne('posts', 'wordpress:post:7'))?.title).toBe(
      'Welcome to the Lakeside Physio Journal',
    )
    // Put post 12 back as the file has it.
    const back = await importWordpress(payload, config, parseWxr(xml), { mediaDir: UPLOADS })
    expect(back.changes).toEqual([{ key: 'wordpress:post:12', action: 'updated' }])
  })

  it('a truncated copy of the file is refused before anything is written', async () => {
    const before = await total('posts')
    expect(() => parseWxr(xml.slice(0, xml.length - 500))).toThrow(/not well-formed XML.*line \d+/)
    expect(await total('posts')).toBe(before)
  })
})

describe('an uploads folder with symlinks that point out of it', () => {
  const SECRET = 'SECRET-FROM-OUTSIDE-THE-UPLOADS-FOLDER'
  // A real image (the media library refuses anything else) that carries a recognisable secret.
  const secretImage = () =>
    Buffer.concat([
      readFileSync(path.join(UPLOADS, '2024/04/lakeside-treatment-room-150x150.png')),
      Buffer.from(SECRET),
    ])
  // Two more images, one a symlinked file and one under a symlinked folder, each reaching a file
  // beside the uploads folder; and a post that shows both.
  const attachment = (id: number, file: string) => `<item>
    <title><![CDATA[Image ${id}]]></title>
    <link>http://localhost:8080/?attachment_id=${id}</link>
    <dc:creator><![CDATA[clinic-editor]]></dc:creator>
    <wp:post_id>${id}</wp:post_id>
    <wp:post_type><![CDATA[attachment]]></wp:post_type>
    <wp:status><![CDATA[inherit]]></wp:status>
    <wp:attachment_url><![CDATA[http://localhost:8080/wp-content/uploads/${file}]]></wp:attachment_url>
    <wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[${file}]]></wp:meta_value></wp:postmeta>
  </item>`
  const post = `<item>
    <title><![CDATA[A post whose images point outside]]></title>
    <link>http://localhost:8080/?p=9003</link>
    <dc:creator><![CDATA[clinic-editor]]></dc:creator>
    <content:encoded><![CDATA[<!-- wp:paragraph --><p>Before the image.</p><!-- /wp:paragraph -->
<!-- wp:image --><figure class="wp-block-image"><img src="http://localhost:8080/wp-content/uploads/linked/04/secret.png" alt="Linked"/></figure><!-- /wp:image -->]]></content:encoded>
    <wp:post_id>9003</wp:post_id>
    <wp:post_date_gmt><![CDATA[2024-05-01 12:00:00]]></wp:post_date_gmt>
    <wp:post_name><![CDATA[images-point-outside]]></wp:post_name>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_type><![CDATA[post]]></wp:post_type>
    <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[9001]]></wp:meta_value></wp:postmeta>
  </item>`
  let report: ImportReport

  beforeAll(async () => {
    const uploads = path.join(server.dir, 'linked-uploads')
    const outside = path.join(server.dir, 'outside')
    cpSync(UPLOADS, uploads, { recursive: true })
    mkdirSync(path.join(outside, '04'), { recursive: true })
    writeFileSync(path.join(outside, 'secret.png'), secretImage())
    writeFileSync(path.join(outside, '04/secret.png'), secretImage())
    symlinkSync(path.join(outside, 'secret.png'), path.join(uploads, '2024/04/leak.png'))
    symlinkSync(outside, path.join(uploads, 'linked'))
    const extra = `${attachment(9001, '2024/04/leak.png')}${attachment(9002, 'linked/04/secret.png')}${post}`
    report = await importWordpress(
      payload,
      config,
      parseWxr(xml.replace('</channel>', `${extra}</channel>`)),
      { mediaDir: uploads },
    )
  }, 60_000)

  it('imports neither file, and says which file and why', async () => {
    expect(await findOne('media', 'wordpress:attachment:9001')).toBeUndefined()
    expect(await findOne('media', 'wordpress:attachment:9002')).toBeUndefined()
    expect(report.counts.media).toEqual({ imported: 0, updated: 0, unchanged: 1, skipped: 2 })
    const stored = readdirSync(server.env.MEDIA_DIR!, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => readFileSync(path.join(f.parentPath, f.name), 'latin1'))
    expect(stored.length).toBeGreaterThan(0)
    expect(stored.filter((data) => data.includes(SECRET))).toEqual([])
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        {
          item: 'image 9001',
          message:
            'file 2024/04/leak.png points outside the uploads folder (through a symbolic link), so it is not imported; its alt text is kept where it is used: “Image 9001”',
        },
        {
          item: 'image 9002',
          message:
            'file linked/04/secret.png points outside the uploads folder (through a symbolic link), so it is not imported; its alt text is kept where it is used: “Image 9002”',
        },
      ]),
    )
  })

  it('still imports the post that shows them, as for a missing image', async () => {
    const imported = await findOne('posts', 'wordpress:post:9003')
    expect(imported?._status).toBe('published')
    expect(imported?.featuredImage ?? null).toBeNull()
    expect(JSON.stringify(imported?.content)).toContain('Before the image.')
    const said = report.warnings
      .filter((w) => w.item.startsWith('post 9003 '))
      .map((w) => w.message)
    expect(said).toEqual(
      expect.arrayContaining([
        'its featured image (attachment 9001) was not imported',
        expect.stringMatching(/^image .*linked\/04\/secret\.png is missing/),
      ]),
    )
  })
})

describe('npm run import:wordpress', () => {
  const run = (args: string[]) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn('npm', ['run', '--silent', 'import:wordpress', '--', ...args], {
        env: { ...process.env, ...server.env, NODE_OPTIONS: '' },
      })
      let output = ''
      child.stdout.on('data', (d) => (output += d))
      child.stderr.on('data', (d) => (output += d))
      child.on('close', (code) => resolve({ code, output }))
    })

  it('runs a dry run from the command line and writes its report', async () => {
    const report = path.join(server.dir, 'report.json')
    const { code, output } = await run([
      FIXTURE,
      '--dry-run',
      '--media-dir',
      UPLOADS,
      '--report',
      report,
    ])
    expect(output).toContain('Dry run (nothing written): Lakeside Physio Journal')
    expect(code).toBe(0)
    const written = JSON.parse(readFileSync(report, 'utf8')) as ImportReport
    expect(written.changes).toEqual([])
    expect(written.counts.posts.unchanged).toBe(8)
  }, 120_000)

  it('passes --staff on: a dry run says the registered user’s reply would become staff', async () => {
    const report = path.join(server.dir, 'staff-report.json')
    const { code, output } = await run([
      FIXTURE,
      '--dry-run',
      '--media-dir',
      UPLOADS,
      '--staff',
      'clinic-editor',
      '--report',
      report,
    ])
    expect(code).toBe(0)
    expect(output).not.toContain('reader comments')
    const written = JSON.parse(readFileSync(report, 'utf8')) as ImportReport
    expect(written.changes).toEqual([
      { key: `wordpress:comment:${registeredUserCommentId()}`, action: 'updated' },
    ])
  }, 120_000)

  it('refuses a --staff login that is not in the export, and exits non-zero', async () => {
    const { code, output } = await run([FIXTURE, '--staff', 'clinic-editor,nobody'])
    expect(code).toBe(1)
    expect(output).toContain(
      'Nothing was imported. --staff nobody: there is no WordPress user “nobody” in this export (its users are clinic-editor, front-desk)',
    )
  }, 120_000)

  it('refuses a truncated file with what and where, and exits non-zero', async () => {
    const truncated = path.join(server.dir, 'truncated.xml')
    writeFileSync(truncated, xml.slice(0, 20_000))
    const { code, output } = await run([truncated])
    expect(code).toBe(1)
    expect(output).toMatch(
      /Nothing was imported\. The file is not well-formed XML: .*\(line \d+, column \d+\)/,
    )
  }, 120_000)
})

/** The one comment in the export by a registered WordPress user (clinic-editor). */
function registeredUserCommentId(): number {
  const comments = parseWxr(xml).items.flatMap((i) => i.comments)
  const byUsers = comments.filter((c) => c.userId !== 0)
  expect(byUsers).toHaveLength(1)
  return byUsers[0]!.id
}

/** The comment at the bottom of the 4-level thread on post 8. */
function deepestReplyId(): number {
  const comments = parseWxr(xml).items.find((i) => i.id === 8)!.comments
  const depth = (id: number): number => {
    const c = comments.find((x) => x.id === id)
    return c && c.parentId ? 1 + depth(c.parentId) : 1
  }
  return comments.map((c) => c.id).find((id) => depth(id) === 4)!
}
