import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { type ImportReport, importWordpress } from '@/tools/importer/run'
import { parseWxr } from '@/tools/importer/wxr'

import {
  attachment,
  config,
  findOne,
  FIXTURE,
  importedSite,
  payload,
  post,
  registeredUserCommentId,
  SECRET,
  secretImage,
  server,
  total,
  UPLOADS,
  xml,
} from './lakeside'

importedSite()

describe('importing the Lakeside export', () => {
  it('a second run changes nothing', async () => {
    const before = await Promise.all(
      (['posts', 'comments', 'media', 'redirects'] as const).map(total),
    )
    const scheduled = async () =>
      (
        await payload.count({
          collection: 'payload-jobs',
          where: { taskSlug: { equals: 'schedulePublish' } },
        })
      ).totalDocs
    const jobsBefore = await scheduled()
    const second = await importWordpress(payload, config, parseWxr(xml), { mediaDir: UPLOADS })
    // The scheduled post's publication is queued once, not once per run.
    expect(await scheduled()).toBe(jobsBefore)
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
