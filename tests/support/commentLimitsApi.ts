import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { issueFormToken } from '@/lib/comments/formToken'

import { createTestPost } from './posts'
import { type TestServer, withTestSite } from './server'

// What commentLimitsFlood and commentLimitsAnswers share. Together they check how fast comments
// may come, and that the answers to a submitter reveal nothing about other people: whether an
// email is known, which private list a word is on, what someone else wrote.

export let server: TestServer
export let payload: Payload
let ipCounter = 0

/** A post of its own for each test, so per-post counts start at zero. */
export const newPost = async () =>
  (await createTestPost(payload, 'live', `Limits ${randomUUID()}`)).id

// The test stands in for one proxy in front of the app (see tests/int/clientAddress).
export const commentLimitsSite = () =>
  withTestSite({ serverOnlyEnv: { TRUSTED_PROXY_HOPS: '1' } }, (site) => {
    ;({ server, payload } = site)
  })

export const nextIp = () => {
  ipCounter += 1
  return `203.0.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`
}
export const email = () => `reader-${randomUUID()}@example.com`
export const token = (post: unknown, ageMs = 10_000) =>
  issueFormToken(payload.secret, post as string, Date.now() - ageMs)

export const submit = async (post: unknown, over: Record<string, unknown> = {}, ip = nextIp()) => {
  const res = await fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({
      post,
      authorName: 'Rosa Patient',
      authorEmail: email(),
      body: `A thoughtful comment ${randomUUID()}`,
      formToken: token(post),
      ...over,
    }),
  })
  const json = (await res.json()) as {
    doc?: Record<string, unknown>
    message?: string
    errors?: { message: string }[]
  }
  return { status: res.status, json, message: json.errors?.[0]?.message ?? json.message }
}
export const saved = (id: unknown) => payload.findByID({ collection: 'comments', id: id as string })

/** What a submitter can see of an answer: its status, its keys and its message. */
export const shape = (res: Awaited<ReturnType<typeof submit>>) => ({
  status: res.status,
  keys: Object.keys(res.json.doc ?? {}).sort(),
  message: res.json.message,
})
