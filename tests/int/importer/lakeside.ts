import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload, SanitizedConfig } from 'payload'

import { type ImportReport, importWordpress } from '@/tools/importer/run'
import { parseWxr } from '@/tools/importer/wxr'

import { type TestServer, localPayload, startServer } from '../../support/server'

// What the tests/int/importer files share: an empty blog that imports the Lakeside export once
// before its tests (importedSite()), the export itself, and lookups by import key.

export const FIXTURE = path.resolve('tests/fixtures/wordpress/lakeside-export.xml')
export const UPLOADS = path.resolve('tests/fixtures/wordpress/uploads')
export const xml = readFileSync(FIXTURE, 'utf8')

export let server: TestServer
export let payload: Payload
export let config: SanitizedConfig
export let first: ImportReport
export let progressTicks = 0

export const findOne = async (
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
export const total = async (
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

export const importedSite = () => {
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
}

/** The one comment in the export by a registered WordPress user (clinic-editor). */
export function registeredUserCommentId(): number {
  const comments = parseWxr(xml).items.flatMap((i) => i.comments)
  const byUsers = comments.filter((c) => c.userId !== 0)
  expect(byUsers).toHaveLength(1)
  return byUsers[0]!.id
}

/** The comment at the bottom of the 4-level thread on post 8. */
export function deepestReplyId(): number {
  const comments = parseWxr(xml).items.find((i) => i.id === 8)!.comments
  const depth = (id: number): number => {
    const c = comments.find((x) => x.id === id)
    return c && c.parentId ? 1 + depth(c.parentId) : 1
  }
  return comments.map((c) => c.id).find((id) => depth(id) === 4)!
}

// An uploads folder with symlinks that point out of it (tests in reruns.int.test.ts):
export const SECRET = 'SECRET-FROM-OUTSIDE-THE-UPLOADS-FOLDER'
// A real image (the media library refuses anything else) that carries a recognisable secret.
export const secretImage = () =>
  Buffer.concat([
    readFileSync(path.join(UPLOADS, '2024/04/lakeside-treatment-room-150x150.png')),
    Buffer.from(SECRET),
  ])
// Two more images, one a symlinked file and one under a symlinked folder, each reaching a file
// beside the uploads folder; and a post that shows both.
export const attachment = (id: number, file: string) => `<item>
    <title><![CDATA[Image ${id}]]></title>
    <link>http://localhost:8080/?attachment_id=${id}</link>
    <dc:creator><![CDATA[clinic-editor]]></dc:creator>
    <wp:post_id>${id}</wp:post_id>
    <wp:post_type><![CDATA[attachment]]></wp:post_type>
    <wp:status><![CDATA[inherit]]></wp:status>
    <wp:attachment_url><![CDATA[http://localhost:8080/wp-content/uploads/${file}]]></wp:attachment_url>
    <wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[${file}]]></wp:meta_value></wp:postmeta>
  </item>`
export const post = `<item>
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
