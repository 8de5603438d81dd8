import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import S3rver from 's3rver'

import { type TestServer, localPayload, signIn, startServer } from '../support/server'

/**
 * With S3_* set, uploads go to an S3 bucket instead of the local disk: here s3rver, a real
 * S3-compatible server (from our dev dependencies) on a loopback port. Readers still fetch
 * images from /api/media/file/..., so the edge and access rules are unchanged.
 */
const BUCKET = 'inkwell-media'
let s3dir: string
let s3server: S3rver
let s3: S3Client
let server: TestServer
let payload: Payload

const S3_ENV_KEYS = [
  'S3_BUCKET',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
]

beforeAll(async () => {
  s3dir = await mkdtemp(path.join(tmpdir(), 'inkwell-s3-'))
  s3server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: s3dir,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  })
  const { port } = await s3server.run()
  const endpoint = `http://127.0.0.1:${port}`
  // The server process and this test's own Payload both read them.
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  })
  s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  server = await startServer()
  payload = await localPayload(server)
}, 180_000)

afterAll(async () => {
  await payload?.destroy()
  await server?.stop()
  await s3server?.close()
  await rm(s3dir, { recursive: true, force: true })
  for (const key of S3_ENV_KEYS) delete process.env[key]
})

const keysInBucket = async () => {
  const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))
  return Contents.map((o) => o.Key ?? '')
}

describe('uploads in an S3 bucket', () => {
  it('keeps the seeded images and their resized copies in the bucket, none on disk', async () => {
    const keys = await keysInBucket()
    const { docs } = await payload.find({ collection: 'media', limit: 100 })
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) {
      expect(keys).toContain(doc.filename)
      expect(keys).toContain(doc.sizes?.thumbnail?.filename)
    }
    const mediaDir = server.env.MEDIA_DIR!
    const onDisk = existsSync(mediaDir) ? await readdir(mediaDir) : []
    expect(onDisk).toEqual([])
  })

  it('serves an image to readers from the same address as on disk', async () => {
    const { docs } = await payload.find({ collection: 'media', limit: 1 })
    const doc = docs[0]!
    // Payload writes file addresses absolute (SERVER_URL); pages use their path (lib/data/views).
    expect(doc.url).toBe(`${server.url}/api/media/file/${doc.filename}`)
    const res = await fetch(doc.url!)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(doc.mimeType)
    expect((await res.arrayBuffer()).byteLength).toBe(doc.filesize)
    const missing = await fetch(`${server.url}/api/media/file/no-such-image.webp`)
    expect(missing.status).toBe(404)
  })

  it('stores a staff upload in the bucket and removes it with the document', async () => {
    const { headers } = await signIn(server, 'editor')
    const bytes = await readFile(
      path.resolve('tests/fixtures/wordpress/uploads/2024/04/lakeside-treatment-room.png'),
    )
    const form = new FormData()
    form.append('file', new Blob([bytes], { type: 'image/png' }), 'treatment-room.png')
    form.append('_payload', JSON.stringify({ alt: 'The treatment room' }))
    const created = await fetch(`${server.url}/api/media`, { method: 'POST', headers, body: form })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: string; filename: string; url: string } }
    expect(await keysInBucket()).toContain(doc.filename)
    const image = await fetch(doc.url)
    expect(Buffer.from(await image.arrayBuffer()).equals(bytes)).toBe(true)

    const removed = await fetch(`${server.url}/api/media/${doc.id}`, { method: 'DELETE', headers })
    expect(removed.status).toBe(200)
    expect(await keysInBucket()).not.toContain(doc.filename)
  })
})
