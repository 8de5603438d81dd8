import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { XMLValidator } from 'fast-xml-parser'

import { decodeEntities } from '@/tools/importer/entities'
import { WxrError, gmtToIso, parseWxr } from '@/tools/importer/wxr'
import { readWxrFile } from '@/tools/importer/wxrFile'

const FIXTURE = path.resolve('tests/fixtures/wordpress/lakeside-export.xml')
const xml = readFileSync(FIXTURE, 'utf8')
const site = parseWxr(xml)
const byId = (id: number) => site.items.find((i) => i.id === id)!
const countBy = <T>(items: T[], key: (t: T) => string) =>
  items.reduce<Record<string, number>>(
    (acc, t) => ({ ...acc, [key(t)]: (acc[key(t)] ?? 0) + 1 }),
    {},
  )

describe('parseWxr on the Lakeside export (counts from its README)', () => {
  it('reads the site, its two authors, five categories and eleven tags', () => {
    expect(site.title).toBe('Lakeside Physio Journal')
    expect(site.baseUrl).toBe('http://localhost:8080')
    expect(site.wxrVersion).toBe('1.2')
    expect(site.authors.map((a) => [a.id, a.login, a.displayName])).toEqual([
      [1, 'clinic-editor', 'Dr. Ana Ruiz'],
      [2, 'front-desk', 'Sam Lee'],
    ])
    expect(site.categories).toHaveLength(5)
    expect(site.categories.find((c) => c.slug === 'sports-massage')?.parent).toBe('treatments')
    expect(site.categories.find((c) => c.slug === 'treatments')?.description).toBe(
      'Hands-on treatments we offer & what to expect.',
    )
    expect(site.tags).toHaveLength(11)
    expect(site.tags.map((t) => t.name)).toContain('Rest & Recovery')
    expect(site.tags.map((t) => t.slug)).toContain('ストレッチ')
  })

  it('reads eleven items by type and the posts by status', () => {
    expect(countBy(site.items, (i) => i.type)).toEqual({
      post: 8,
      page: 1,
      attachment: 1,
      wp_block: 1,
    })
    const posts = site.items.filter((i) => i.type === 'post')
    expect(countBy(posts, (p) => p.status)).toEqual({ publish: 5, draft: 1, future: 1, private: 1 })
    expect(posts.filter((p) => p.sticky).map((p) => p.id)).toEqual([7])
    expect(posts.filter((p) => p.password).map((p) => [p.id, p.password])).toEqual([
      [14, 'knee-2024'],
    ])
  })

  it('reads dates as UTC, and a draft never dated as null', () => {
    expect(byId(12).date).toBe('2027-01-18T15:00:00.000Z')
    expect(byId(11).date).toBeNull()
    expect(byId(11).slug).toBe('')
  })

  it('decodes slugs, titles and terms as people read them', () => {
    expect(byId(9).slug).toBe('ejercicios-de-movilidad-para-la-espalda-🧘')
    expect(byId(9).title).toBe('Ejercicios de movilidad para la espalda 🧘')
    expect(byId(10).tags).toContain('ストレッチ')
    expect(byId(10).postFormat).toBe('video')
    expect(byId(8).categories).toEqual(['sports-massage'])
    expect(byId(7).categories).toEqual(['clinic-news'])
    expect(byId(7).tags).toContain('clinic-news')
  })

  it('reads the attachment with its file, alt text and caption', () => {
    const image = byId(6)
    expect(image.attachmentUrl).toBe(
      'http://localhost:8080/wp-content/uploads/2024/04/lakeside-treatment-room.png',
    )
    expect(image.meta._wp_attachment_image_alt).toBe(
      'Treatment table by a window overlooking the lake',
    )
    expect(image.meta._wp_attached_file).toBe('2024/04/lakeside-treatment-room.png')
    expect(image.excerpt).toBe('Our main treatment room, looking out over the lake.')
    expect(byId(7).meta._thumbnail_id).toBe('6')
  })

  it('reads 13 comments with their statuses, types, threads and escaped names', () => {
    const comments = site.items.flatMap((i) => i.comments)
    expect(comments).toHaveLength(13)
    expect(countBy(comments, (c) => c.approved)).toEqual({ '1': 10, '0': 2, trash: 1 })
    expect(countBy(comments, (c) => c.type)).toEqual({ comment: 12, pingback: 1 })
    expect(comments.filter((c) => c.parentId !== 0)).toHaveLength(5)
    expect(comments.filter((c) => c.userId !== 0)).toHaveLength(1)
    expect(comments.map((c) => c.author)).toContain('Priya & Tom')
    expect(byId(8).comments.length).toBeGreaterThan(5)
  })
})

describe('parseWxr refuses what it cannot read, saying what and where', () => {
  it('a truncated export', () => {
    const truncated = xml.slice(0, Math.floor(xml.length / 2))
    expect(() => parseWxr(truncated)).toThrow(WxrError)
    expect(() => parseWxr(truncated)).toThrow(/not well-formed XML: .*\(line \d+, column \d+\)/)
  })

  it('an RSS feed that is not a WordPress export', () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    expect(() => parseWxr(rss)).toThrow(/not a WordPress export/)
  })

  it('an empty file and an unknown WXR version', () => {
    expect(() => parseWxr('  ')).toThrow(/empty/)
    const v9 = xml.replace(
      '<wp:wxr_version>1.2</wp:wxr_version>',
      '<wp:wxr_version>9.0</wp:wxr_version>',
    )
    expect(() => parseWxr(v9)).toThrow(/version 9.0 is not supported/)
  })
})

describe('the export read a piece at a time', () => {
  /** What a check of the whole file at once says, as parseWxr words it. */
  const wholeFileSays = (text: string) => {
    const valid = XMLValidator.validate(text)
    if (valid === true) throw new Error('the text is well-formed')
    const { msg, line, col } = valid.err
    return `The file is not well-formed XML: ${msg} (line ${line}, column ${col}).`
  }

  it.each([
    ['a tag left open inside an item', '<wp:post_id>8</wp:post_id>', '<wp:post_id>8</wp:post_idx>'],
    ['an unquoted attribute on an item', 'domain="category" nicename="treatments"', 'domain=x'],
    ['a bad tag in the head', '<wp:wxr_version>1.2</wp:wxr_version>', '<wp:wxr_version>1.2</wp>'],
    ['a bad tag after the items', '</channel>', '</channelx>'],
    ['a bad tag on the line an item ends', '</item>\n\t\t\t\t\t<item>', '</item><oops></item>'],
  ])('refuses %s at the line and column a whole-file check gives', (_what, from, to) => {
    const broken = xml.replace(from, to)
    expect(broken).not.toBe(xml)
    expect(() => parseWxr(broken)).toThrow(wholeFileSays(broken))
  })

  it('readWxrFile gives what parseWxr does: the head, the other items, then the posts', async () => {
    const source = await readWxrFile(FIXTURE)
    const { items, ...head } = site
    expect({ ...source, items: undefined, posts: undefined }).toEqual({
      ...head,
      items: undefined,
      posts: undefined,
      postCount: 8,
      postComments: 13,
    })
    expect(source.items).toEqual(items.filter((i) => i.type !== 'post'))
    const posts = []
    for await (const post of source.posts()) posts.push(post)
    expect(posts).toEqual(items.filter((i) => i.type === 'post'))
  })

  it('readWxrFile refuses a truncated file, naming the item cut off and where it starts', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wxr-')), 'cut.xml')
    const cut = xml.slice(0, xml.length - 500)
    writeFileSync(file, cut)
    const lastItem = cut.slice(0, cut.lastIndexOf('<item>')).split('\n')
    await expect(readWxrFile(file)).rejects.toThrow(
      `The file is not well-formed XML: Invalid '[    "item",    "wp:post_name"]' found. (line ${lastItem.length}, column ${lastItem.at(-1)!.length + 1}).`,
    )
  })
})

describe('helpers', () => {
  it('gmtToIso', () => {
    expect(gmtToIso('2024-04-20 21:30:00')).toBe('2024-04-20T21:30:00.000Z')
    expect(gmtToIso('0000-00-00 00:00:00')).toBeNull()
    expect(gmtToIso('yesterday')).toBeNull()
  })

  it('decodeEntities', () => {
    expect(decodeEntities('Priya &amp; Tom &ndash; &#8220;hi&#8221; &#x1F4AA; &bogus;')).toBe(
      'Priya & Tom – “hi” 💪 &bogus;',
    )
  })
})
