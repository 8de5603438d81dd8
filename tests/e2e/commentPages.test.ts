import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import type { Payload } from 'payload'

import { createTestPost } from '../support/posts'
import { type TestServer, localPayload, startServer } from '../support/server'
import { axeViolations } from './axe'
import { launchBrowser } from './browser'

/** A reader pages through a busy post's comments, replies on page 2, and follows a permalink. */
let server: TestServer
let payload: Payload
let browser: Browser
const artifacts = path.resolve('tests/e2e/artifacts')
let slug: string
const threads: Array<number | string> = []

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  payload = await localPayload(server)
  const post = await createTestPost(payload, 'live', 'A Busy Thread About Neck Pain')
  slug = post.slug!
  const start = Date.now() - 30 * 86_400_000
  for (let n = 1; n <= 12; n += 1) {
    const doc = await payload.create({
      collection: 'comments',
      data: {
        post: post.id,
        threadDepth: 1,
        authorName: `Reader ${n}`,
        authorEmail: `reader${n}@example.com`,
        body: `Thread ${n}: the neck stretches helped me.`,
        status: 'approved',
        submittedAt: new Date(start + n * 3_600_000).toISOString(),
      },
      context: { trustedImport: true, disableRevalidate: true },
      depth: 0,
    })
    threads.push(doc.id)
  }
  await payload.updateGlobal({
    slug: 'moderation-settings',
    data: { threadsPerPage: 5, threadOrder: 'oldest' },
  })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await payload?.destroy()
  await server?.stop()
})

describe('pages of comments in the browser', () => {
  it('a reader pages to the newer comments and replies to a thread there', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/posts/${slug}`)
    await page.getByRole('heading', { name: '12 Comments' }).waitFor()
    const pages = page.getByRole('navigation', { name: 'Comment pages' }).first()
    expect(await pages.innerText()).toContain('Comments page 1 of 3')

    await pages.getByRole('link', { name: 'Newer comments →' }).click()
    await page.waitForURL(`${server.url}/posts/${slug}/comments/2#comments`)
    await page.getByText('Thread 6: the neck stretches helped me.').waitFor()
    expect(await page.getByText('Thread 1: the neck stretches helped me.').count()).toBe(0)
    // Next streams a page's metadata after its body: on a client navigation the old <title> is
    // gone before the new one arrives, so axe waits for the page's own title.
    await page.waitForFunction(() => document.title.includes('(comments, page 2)'))
    expect(await axeViolations(page)).toEqual([])
    await page
      .locator('.comments')
      .screenshot({ path: path.join(artifacts, 'comments-page-2.png') })

    const thread = page.locator('.comment', { hasText: 'Thread 7:' })
    await thread.getByRole('link', { name: 'Reply to Reader 7' }).click()
    const form = thread.locator('#respond')
    await form.getByRole('heading', { name: /Leave a Reply to this comment/ }).waitFor()
    await form.getByLabel(/^Comment/).fill('Which stretch helped most?')
    await form.getByLabel(/^Name/).fill('Sam Reader')
    await form.getByLabel(/^Email/).fill('sam@example.com')
    await page.waitForTimeout(3500)
    await form.getByRole('button', { name: 'Post Comment' }).click()
    await page.getByText(/your comment was received/).waitFor()
    expect(await axeViolations(page)).toEqual([])

    // A moderator approves it; the reply is on page 2, under its thread.
    const reply = (
      await payload.find({
        collection: 'comments',
        where: { body: { equals: 'Which stretch helped most?' } },
        depth: 0,
      })
    ).docs[0]!
    expect(String(reply.parent)).toBe(String(threads[6]))
    await payload.update({ collection: 'comments', id: reply.id, data: { status: 'approved' } })
    await page.goto(`${server.url}/posts/${slug}/comments/2`)
    await thread.locator(':scope > ol').getByText('Which stretch helped most?').waitFor()
    await page.getByRole('heading', { name: '13 Comments' }).waitFor()
    await page.close()
  })

  it('prints the comments once: kept from the HTML on a visit, loaded once on a client-side one', async () => {
    const page = await browser.newPage()
    const fetched: string[] = []
    page.on('request', (req) => {
      // Fetches of a page's HTML (the router's data requests carry an RSC header).
      const isHtml = req.method() === 'GET' && req.headers()['rsc'] === undefined
      if (req.resourceType() === 'fetch' && isHtml) fetched.push(req.url())
    })
    const errors: string[] = []
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()))
    await page.goto(`${server.url}/posts/${slug}/comments/2`)
    await page.getByText('Thread 6: the neck stretches helped me.').waitFor()
    // Hydrated: the reply form works, and the server's markup was kept rather than fetched again.
    await page
      .locator('.comment', { hasText: 'Thread 8:' })
      .getByRole('link', { name: 'Reply to Reader 8' })
      .click()
    await page.locator('.comment', { hasText: 'Thread 8:' }).locator('#respond').waitFor()
    expect(fetched).toEqual([])

    // From the index, a client-side visit: the post's page 1 of comments comes in one request.
    await page.goto(`${server.url}/`)
    await page
      .locator('.post-card', { hasText: 'A Busy Thread About Neck Pain' })
      .getByRole('link', { name: /^1\d Comments$/ })
      .click()
    await page.waitForURL(`${server.url}/posts/${slug}#comments`)
    await page.getByText('Thread 1: the neck stretches helped me.').waitFor()
    expect(await page.locator('#comment-threads .comment').count()).toBe(5)
    expect(fetched).toEqual([`${server.url}/posts/${slug}`])
    expect(await page.locator('#comment-threads').getAttribute('aria-busy')).toBeNull()
    await page.waitForFunction(() => document.title.includes('A Busy Thread About Neck Pain'))
    expect(await axeViolations(page)).toEqual([])
    expect(errors.filter((e) => /hydrat/i.test(e))).toEqual([])
    await page.close()
  })

  it('a link to a comment on another page lands on it', async () => {
    const page = await browser.newPage()
    const last = threads.at(-1)!
    // An old link to the post's own address, and the comment's permanent address.
    for (const address of [`/posts/${slug}#comment-${last}`, `/comments/${last}`]) {
      await page.goto(`${server.url}${address}`)
      await page.waitForURL(`${server.url}/posts/${slug}/comments/3#comment-${last}`)
      await page.locator(`#comment-${last}`).getByText('Thread 12:').waitFor()
    }
    await page.close()
  })
})
