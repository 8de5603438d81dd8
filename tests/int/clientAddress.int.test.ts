import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { issueFormToken } from '@/lib/comments/formToken'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { type TestServer, withTestSite } from '../support/server'

/**
 * `npm start` exposed directly, as the README's production section and docker-compose run it:
 * the address limits count is the connection's, whatever X-Forwarded-For a client writes.
 */
let server: TestServer
let payload: Payload
let postId: number | string

withTestSite({ serverOnlyEnv: { TRUSTED_PROXY_HOPS: '0' } }, async (site) => {
  ;({ server, payload } = site)
  postId = (
    await payload.find({ collection: 'posts', where: { slug: { equals: REFERENCE_POST_SLUG } } })
  ).docs[0]!.id
})

const submit = async (authorEmail: string, forwardedFor: string) => {
  const res = await fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({
      post: postId,
      authorName: 'Rosa Patient',
      authorEmail,
      body: `Thank you for this post ${randomUUID()}`,
      formToken: issueFormToken(payload.secret, postId, Date.now() - 10_000),
    }),
  })
  return { status: res.status, text: await res.text() }
}

describe('the reader’s address cannot be chosen by the reader', () => {
  it('a fresh X-Forwarded-For on each comment does not make a new person', async () => {
    const rosa = `rosa-${randomUUID()}@example.com`
    expect((await submit(rosa, '192.0.2.1')).status).toBe(201)
    const forged = await submit(rosa, '192.0.2.2')
    expect(forged.status).toBe(429)
    expect(forged.text).toMatch(/wait a few seconds/)
  })

  it('the address stored (as a hash) is the connection’s, not the one claimed', async () => {
    const ids = []
    for (const claimed of ['192.0.2.10', '192.0.2.11, 192.0.2.12']) {
      const email = `hash-${randomUUID()}@example.com`
      expect((await submit(email, claimed)).status).toBe(201)
      const { docs } = await payload.find({
        collection: 'comments',
        where: { authorEmail: { equals: email } },
      })
      ids.push(docs[0]!.ipHash)
    }
    expect(ids[0]).toBeTruthy()
    expect(ids[0]).toBe(ids[1])
  })

  it('two people behind one address both comment, seconds apart', async () => {
    expect((await submit(`a-${randomUUID()}@example.com`, '192.0.2.3')).status).toBe(201)
    expect((await submit(`b-${randomUUID()}@example.com`, '192.0.2.3')).status).toBe(201)
  })
})

describe('npm start', () => {
  it('refuses to start without PAYLOAD_SECRET', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...server.env, NODE_ENV: 'production' }
    delete env.PAYLOAD_SECRET
    const child = spawn(process.execPath, ['scripts/serve.mjs', '-p', '0', '-H', '127.0.0.1'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        resolve(null)
      }, 60_000)
      child.once('exit', (c) => {
        clearTimeout(timer)
        resolve(c)
      })
    })
    expect(code).toBe(1)
    expect(output).toContain('PAYLOAD_SECRET is not set')
  }, 90_000)
})
