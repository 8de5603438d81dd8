import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { COMMENTER_COOKIE, newCommenterCookie } from '@/lib/comments/commenterCookie'
import { issueFormToken } from '@/lib/comments/formToken'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { TEST_STAFF, type TestServer, getHtml, signIn, withTestSite } from './server'

// What the tests/int/comments files share: one server per file, which they start with
// commentSite(), and the calls a reader's browser or a moderator makes to it.

export let server: TestServer
export let payload: Payload
export let postId: number | string
export let otherPostId: number | string
let ipCounter = 0

export const commentSite = () =>
  withTestSite({ serverOnlyEnv: { TRUSTED_PROXY_HOPS: '1' } }, async (site) => {
    // The test stands in for a proxy in front of the app: the last X-Forwarded-For entry it
    // sends is the reader's address (tests/int/clientAddress covers the app exposed directly).
    ;({ server, payload } = site)
    const find = async (slug: string) =>
      (await payload.find({ collection: 'posts', where: { slug: { equals: slug } }, limit: 1 }))
        .docs[0]!.id
    postId = await find(REFERENCE_POST_SLUG)
    otherPostId = await find('massage-for-tension-headaches')
  })

/** Each request comes from its own address unless a test says otherwise. */
export const nextIp = () => {
  ipCounter += 1
  return `198.51.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`
}
export const token = (post = postId, ageMs = 10_000) =>
  issueFormToken(payload.secret, post, Date.now() - ageMs)
export const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api${path}`, init)
export const browserCookie = () => `${COMMENTER_COOKIE}=${newCommenterCookie(payload.secret)}`

export type Submission = Record<string, unknown>
export const valid = (over: Submission = {}): Submission => ({
  post: postId,
  authorName: 'Rosa Patient',
  authorEmail: `rosa-${randomUUID()}@example.com`,
  body: `Thank you, this helped my back. ${randomUUID()}`,
  formToken: token(),
  ...over,
})

export const submit = async (
  data: Submission,
  { ip = nextIp(), headers = {} as Record<string, string> } = {},
) => {
  const res = await api('/comments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
    body: JSON.stringify(data),
  })
  const body = (await res.json()) as {
    doc?: Record<string, unknown>
    message?: string
    errors?: { message: string; data?: { errors?: { path: string; message: string }[] } }[]
  }
  const messages = (body.errors ?? []).flatMap((e) => [
    e.message,
    ...(e.data?.errors ?? []).map((d) => d.message),
  ])
  return { status: res.status, doc: body.doc, body, messages: messages.join(' | ') }
}

export const saved = (id: unknown) => payload.findByID({ collection: 'comments', id: id as string })
export const stored = async (where: Record<string, unknown> = {}) =>
  (await payload.count({ collection: 'comments', where: where as never })).totalDocs
export const approve = (id: unknown) =>
  payload.update({ collection: 'comments', id: id as string, data: { status: 'approved' } })

export const login = async (who: keyof typeof TEST_STAFF) => (await signIn(server, who)).headers

export const postPage = () => getHtml(`${server.url}/posts/${REFERENCE_POST_SLUG}`)
