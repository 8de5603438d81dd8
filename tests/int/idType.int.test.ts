import type { Payload } from 'payload'

import { type TestServer, getHtml, withTestSite } from '../support/server'

// The string-id lane (npm run test:int:string-ids) is only proof if its ids really are strings.
const expected = process.env.TEST_ID_TYPE === 'uuid' ? 'string' : 'number'

let server: TestServer
let payload: Payload

withTestSite({}, (site) => {
  ;({ server, payload } = site)
})

describe(`ids in this lane (${expected})`, () => {
  it('are what the lane promises, in the Local API and over REST', async () => {
    const { docs } = await payload.find({ collection: 'posts', limit: 1, depth: 0 })
    const post = docs[0]
    expect(typeof post?.id).toBe(expected)
    const res = await fetch(`${server.url}/api/posts/${post?.id}?depth=0`)
    expect(res.status).toBe(200)
    expect(typeof ((await res.json()) as { id: unknown }).id).toBe(expected)
  })

  it('anchor each approved comment on its post page by that id', async () => {
    const { docs } = await payload.find({
      collection: 'comments',
      where: { status: { equals: 'approved' } },
      limit: 1,
      depth: 1,
    })
    const comment = docs[0]
    expect(typeof comment?.id).toBe(expected)
    const post = comment?.post as { slug?: string }
    const html = await getHtml(`${server.url}/posts/${post.slug}`)
    expect(html).toContain(`id="comment-${comment?.id}"`)
  })
})
