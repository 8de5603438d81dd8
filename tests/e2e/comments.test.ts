import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { TEST_STAFF, type TestServer, startServer } from '../support/server'
import { launchBrowser, signInToDashboard } from './browser'

let server: TestServer
let browser: Browser
/** When this browser last posted: one comment per 15 seconds per address is the limit. */
let lastPostedAt = 0
const artifacts = path.resolve('tests/e2e/artifacts')
const body = 'My shoulder has never felt better.\nThank you, Maya!'

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const postUrl = () => `${server.url}/posts/${REFERENCE_POST_SLUG}`

/** Fills the Leave a Reply form as a person would, pausing like one before posting. */
const writeComment = async (page: Page, text: string) => {
  await page.getByLabel(/^Comment/).fill(text)
  await page.getByLabel(/^Name/).fill('Rosa Patient')
  await page.getByLabel(/^Email/).fill('rosa@example.com')
  await page.waitForTimeout(3500)
  await page.getByRole('button', { name: 'Post Comment' }).click()
  lastPostedAt = Date.now()
}

describe('a reader comments and a moderator approves', () => {
  let reader: Page

  it('the reader is told their comment was received and sees it; others do not', async () => {
    reader = await browser.newPage()
    await reader.goto(postUrl())
    await reader.getByLabel(/Save my name/).check()
    await writeComment(reader, body)
    await reader.getByText(/your comment was received/).waitFor()
    await reader
      .locator('.comments')
      .screenshot({ path: path.join(artifacts, 'comment-awaiting.png') })
    const other = await browser.newPage()
    await other.goto(postUrl())
    expect(await other.locator('.comments').innerText()).not.toContain(
      'My shoulder has never felt better.',
    )
    await other.close()
  })

  it('the moderator logs in, finds it in the queue and approves it', async () => {
    const { context, page: mod } = await signInToDashboard(
      browser,
      server.url,
      TEST_STAFF.moderator,
    )
    // The demo's waiting comment, and the reader's.
    await mod.getByText('2 comments awaiting moderation').first().waitFor({ timeout: 60_000 })

    await mod.goto(`${server.url}/admin/collections/comments`)
    await mod.waitForURL(/where%5Bstatus%5D%5Bequals%5D=pending|where\[status\]\[equals\]=pending/)
    await mod.getByRole('link', { name: /My shoulder has never felt better/ }).click()
    await mod.locator('#field-status').click()
    await mod.getByRole('option', { name: 'Approved' }).click()
    await mod.getByRole('button', { name: 'Save' }).click()
    await mod.getByText(/updated successfully/i).waitFor({ timeout: 30_000 })
    await context.close()
  })

  it('the reader reloads and sees it; their reply is threaded under it', async () => {
    await reader.goto(postUrl())
    const comment = reader.locator('.comment', { hasText: 'My shoulder has never felt better.' })
    await comment.waitFor()
    // The demo's four approved comments, and the reader's.
    expect(await reader.getByRole('heading', { name: '5 Comments' }).count()).toBe(1)

    await comment.getByRole('link', { name: 'Reply to Rosa Patient' }).click()
    const replyForm = comment.locator('#respond')
    await replyForm.getByRole('heading', { name: /Leave a Reply to this comment/ }).waitFor()
    // Name and email come back from this browser's storage ("Save my name...").
    expect(await replyForm.getByLabel(/^Name/).inputValue()).toBe('Rosa Patient')
    await replyForm.getByLabel(/^Comment/).fill('One more thing: the stretches help too.')
    await reader.waitForTimeout(Math.max(3500, lastPostedAt + 16_000 - Date.now()))
    await replyForm.getByRole('button', { name: 'Post Comment' }).click()
    lastPostedAt = Date.now()
    // Rosa has an approved comment from this browser (its signed cookie) and email, so she is
    // trusted and published at once.
    await reader.getByText('Thank you, your comment is published.').waitFor()

    await reader.reload()
    const reply = reader.locator('.comment > ol .comment', {
      hasText: 'the stretches help too',
    })
    await reply.waitFor()
    expect(await reader.getByRole('heading', { name: '6 Comments' }).count()).toBe(1)
    await reader
      .locator('.comments')
      .screenshot({ path: path.join(artifacts, 'comments-thread.png') })
  })

  it('works without JavaScript: a plain form post', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(postUrl())
    await page.getByLabel(/^Comment/).fill('Posted without JavaScript.')
    await page.getByLabel(/^Name/).fill('Sam Reader')
    await page.getByLabel(/^Email/).fill('sam@example.com')
    await page.waitForTimeout(Math.max(3500, lastPostedAt + 16_000 - Date.now()))
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await page.getByText(/your comment was received/).waitFor({ timeout: 30_000 })
    await context.close()
  })
})

describe('when the site cannot take comments', () => {
  it('the form says comments are unavailable for a moment and keeps what was written', async () => {
    const page = await browser.newPage()
    await page.goto(postUrl())
    // As the edge answers while every app instance is down: its own page, status 503.
    await page.route(postUrl(), (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 503,
            contentType: 'text/html',
            body: '<h1>Back in a moment</h1>',
          })
        : route.continue(),
    )
    await writeComment(page, 'Written while the servers restart.')
    await page.getByText(/Comments are unavailable for a moment/).waitFor()
    expect(await page.getByLabel(/^Comment/).inputValue()).toBe(
      'Written while the servers restart.',
    )
    expect(await page.getByLabel(/^Name/).inputValue()).toBe('Rosa Patient')
    expect(await page.getByRole('button', { name: 'Post Comment' }).isEnabled()).toBe(true)
    await page
      .locator('#respond')
      .screenshot({ path: path.join(artifacts, 'comment-unavailable.png') })
    await page.close()
  })
})

describe('bulk moderation in the dashboard', () => {
  it('a moderator marks selected comments as spam in one click', async () => {
    const { context, page: mod } = await signInToDashboard(
      browser,
      server.url,
      TEST_STAFF.moderator,
    )
    await mod.goto(`${server.url}/admin/collections/comments`)
    const row = mod.locator('table tbody tr', { hasText: 'Posted without JavaScript.' })
    await row.waitFor({ timeout: 60_000 })
    expect(await row.innerText()).toContain('first comment from this email')
    await row.locator('input[type="checkbox"]').check()
    await mod.screenshot({ path: path.join(artifacts, 'moderation-queue.png') })
    await mod.getByRole('button', { name: 'Mark as spam' }).click()
    await mod.getByText('1 comment marked as spam.').waitFor({ timeout: 30_000 })

    const status = await mod.evaluate(async (url) => {
      const res = await fetch(
        `${url}/api/comments?where[body][equals]=Posted without JavaScript.`,
        { credentials: 'include' },
      )
      return ((await res.json()) as { docs: { status: string }[] }).docs.map((d) => d.status)
    }, server.url)
    expect(status).toEqual(['spam'])
    await context.close()
  })
})
