import type { Payload } from 'payload'

import { document } from '@/tools/seed/lexical'

import { type TestServer, getHtml, signIn, withTestSite } from '../support/server'

/**
 * Pulling a post (a clinic withdrawing wrong medical advice) must take effect on the next
 * request everywhere readers could find it, also when staff had already started a newer draft:
 * then the document Payload hands the hooks is that draft, not what readers see.
 */
let server: TestServer
let payload: Payload

withTestSite({}, (site) => {
  ;({ server, payload } = site)
})

const get = (path: string, status = 200) => getHtml(`${server.url}${path}`, status)

/** Every public place a post shows, fetched so each is cached before the change. */
const everywhere = async (slug: string, word: string) => ({
  page: await fetch(`${server.url}/posts/${slug}`).then((r) => r.status),
  home: (await get('/')).includes(`/posts/${slug}`),
  feed: (await get('/feed.xml')).includes(`/posts/${slug}`),
  sitemap: (await get('/sitemap.xml')).includes(`/posts/${slug}`),
  search: (await get(`/search?q=${word}`)).includes(`/posts/${slug}`),
})

/** A live post with a newer draft on top of it, as staff leave one while revising. */
const liveWithNewerDraft = async (slug: string, word: string) => {
  const post = await payload.create({
    collection: 'posts',
    data: {
      title: `Withdrawn advice ${word}`,
      slug,
      excerpt: `Advice about ${word}.`,
      _status: 'published',
      content: document([{ type: 'p', text: `Old advice on ${word}.` }], () => 0) as never,
    },
  })
  await payload.update({
    collection: 'posts',
    id: post.id,
    draft: true,
    data: { title: `Withdrawn advice ${word}, being revised` },
  })
  expect(await everywhere(slug, word)).toEqual({
    page: 200,
    home: true,
    feed: true,
    sitemap: true,
    search: true,
  })
  return post.id
}

const gone = { page: 404, home: false, feed: false, sitemap: false, search: false }

describe('a retracted post disappears at once, even with a newer draft', () => {
  it('unpublished through the Local API', async () => {
    const id = await liveWithNewerDraft('retract-local', 'zolpidemquux')
    await payload.update({ collection: 'posts', id, data: { _status: 'draft' } })
    expect(await everywhere('retract-local', 'zolpidemquux')).toEqual(gone)
  })

  it('unpublished by an editor over REST, as the dashboard does', async () => {
    const id = await liveWithNewerDraft('retract-rest', 'quetiapinequux')
    const { headers } = await signIn(server, 'editor')
    // What the dashboard's Unpublish button sends.
    const res = await fetch(`${server.url}/api/posts/${id}?depth=0&unpublishAllLocales=false`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ _status: 'draft' }),
    })
    expect(res.status).toBe(200)
    expect(await everywhere('retract-rest', 'quetiapinequux')).toEqual(gone)
  })

  it('deleted', async () => {
    const id = await liveWithNewerDraft('retract-delete', 'tramadolquux')
    await payload.delete({ collection: 'posts', id })
    expect(await everywhere('retract-delete', 'tramadolquux')).toEqual(gone)
  })

  it('deleted by an editor over REST', async () => {
    const id = await liveWithNewerDraft('retract-rest-delete', 'diazepamquux')
    const { headers } = await signIn(server, 'editor')
    const res = await fetch(`${server.url}/api/posts/${id}?draft=true`, {
      method: 'DELETE',
      headers,
    })
    expect(res.status).toBe(200)
    expect(await everywhere('retract-rest-delete', 'diazepamquux')).toEqual(gone)
  })

  it('publishing a newer draft that renamed the slug retires the old address', async () => {
    const id = await liveWithNewerDraft('retract-renamed', 'naproxenquux')
    // The rename is only in the draft: the live document keeps the old slug until publishing.
    await payload.update({
      collection: 'posts',
      id,
      draft: true,
      data: { slug: 'retract-renamed-v2' },
    })
    await get('/posts/retract-renamed')
    await payload.update({ collection: 'posts', id, data: { _status: 'published' } })
    await get('/posts/retract-renamed', 404)
    expect(await get('/posts/retract-renamed-v2')).toContain('being revised')
    expect(await get('/sitemap.xml')).not.toContain('/posts/retract-renamed<')
  })
})
