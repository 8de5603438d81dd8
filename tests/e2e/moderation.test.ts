import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import type { Payload } from 'payload'

import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { TEST_STAFF, type TestServer, localPayload, startServer } from '../support/server'
import { launchBrowser, signInToDashboard } from './browser'

let server: TestServer
let payload: Payload
let browser: Browser
let postId: number | string
const artifacts = path.resolve('tests/e2e/artifacts')

/** A comment as a reader left it and the rules decided (screening is tested elsewhere). */
const seedComment = (status: string, name: string, email: string, body: string) =>
  payload.create({
    collection: 'comments',
    context: { trustedImport: true },
    data: {
      post: postId as number,
      authorName: name,
      authorEmail: email,
      body,
      status: status as 'pending',
      signals: ['first comment from this email'],
    },
  })

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  payload = await localPayload(server)
  const { docs } = await payload.find({
    collection: 'posts',
    where: { slug: { equals: REFERENCE_POST_SLUG } },
    limit: 1,
  })
  postId = docs[0]!.id
  // This test makes its own queue: the demo's comments would only shift every count.
  await payload.delete({ collection: 'comments', where: { importKey: { like: 'demo:' } } })
  await seedComment('approved', 'Ana Reader', 'ana@example.com', 'Ana said thanks last month.')
  await seedComment('pending', 'Ana Reader', 'ana@example.com', 'Queue: Ana asks about ice.')
  await seedComment('pending', 'Ben Spammer', 'ben@example.com', 'Queue: Ben sells watches.')
  await seedComment('pending', 'Cara Patient', 'cara@example.com', 'Queue: Cara has a question.')
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await payload?.destroy()
  await server?.stop()
})

const queueUrl = () => `${server.url}/admin/moderation`

/** The number a status tab shows, e.g. "Pending (3)" -> 3. */
const tabCount = async (page: Page, label: string) => {
  const text = await page
    .getByRole('link', { name: new RegExp(`^${label} \\(\\d+\\)$`) })
    .innerText()
  return Number(/\((\d+)\)/.exec(text)?.[1])
}

/** Waits until a tab shows the given count (the view refreshes in place after each action). */
const expectTab = async (page: Page, label: string, count: number) =>
  page.getByRole('link', { name: `${label} (${count})`, exact: true }).waitFor({ timeout: 30_000 })

const row = (page: Page, text: string) => page.locator('tr.moderation-row', { hasText: text })

describe('the moderation queue', () => {
  it('is not for visitors or editors', async () => {
    const anonymous = await browser.newPage()
    await anonymous.goto(queueUrl())
    await anonymous.waitForURL(/\/admin\/login/)
    await anonymous.close()

    const { context, page } = await signInToDashboard(browser, server.url, TEST_STAFF.editor)
    await page.goto(queueUrl())
    await page.getByText('Only moderators and admins can moderate comments.').waitFor()
    expect(await page.locator('body').innerText()).not.toContain('Queue: Ana')
    await context.close()
  })

  it('a moderator approves, spams, trashes with a key, restores and replies', async () => {
    const { context, page } = await signInToDashboard(browser, server.url, TEST_STAFF.moderator)
    // The navigation lists the queue; the dashboard's pending badge leads there.
    expect(
      await page.getByRole('link', { name: 'Moderation queue' }).first().getAttribute('href'),
    ).toBe('/admin/moderation')
    // The navigation's copy comes first and is inert while the navigation is folded away.
    await page.locator('a.pending-comments', { hasText: '3 comments awaiting' }).last().click()
    await page.waitForURL(/\/admin\/moderation/)
    await expectTab(page, 'Pending', 3)
    const approved = await tabCount(page, 'Approved')
    await expect(tabCount(page, 'All')).resolves.toBe(3 + approved)

    const ana = row(page, 'Queue: Ana asks about ice.')
    expect(await ana.innerText()).toMatch(/ana@example\.com[\s\S]*1 approved comment before/)
    expect(await ana.innerText()).toContain('first comment from this email')
    expect(await ana.innerText()).toContain('Ways to Achieve Pain Relief')
    await page.screenshot({ path: path.join(artifacts, 'moderation-queue.png'), fullPage: true })
    // The same in the dark theme, as a moderator who prefers it sees it.
    await context.addCookies([{ name: 'payload-theme', value: 'dark', url: server.url }])
    await page.reload()
    await expectTab(page, 'Pending', 3)
    await page.screenshot({ path: path.join(artifacts, 'moderation-dark.png'), fullPage: true })
    await context.clearCookies({ name: 'payload-theme' })
    await page.reload()
    await expectTab(page, 'Pending', 3)

    // Row buttons.
    await ana.getByRole('button', { name: 'Approve' }).click()
    await expectTab(page, 'Pending', 2)
    await expectTab(page, 'Approved', approved + 1)
    await row(page, 'Queue: Ana').waitFor({ state: 'detached' })

    await row(page, 'Queue: Ben').getByRole('button', { name: 'Spam' }).click()
    await expectTab(page, 'Spam', 1)
    await expectTab(page, 'Pending', 1)

    // A keyboard shortcut on the selected row; typing in a field does nothing.
    await row(page, 'Queue: Cara').locator('.moderation-row__body').click()
    await page.keyboard.press('t')
    await expectTab(page, 'Trash', 1)
    await expectTab(page, 'Pending', 0)

    await page.getByRole('link', { name: 'Trash (1)' }).click()
    await row(page, 'Queue: Cara').getByRole('button', { name: 'Restore' }).click()
    await expectTab(page, 'Trash', 0)
    await expectTab(page, 'Pending', 1)

    await page.getByRole('link', { name: 'Pending (1)' }).click()
    const cara = row(page, 'Queue: Cara')
    await cara.locator('.moderation-row__body').click()
    await page.keyboard.press('r')
    const replyBox = page.getByLabel('Reply to Cara Patient')
    await replyBox.fill('Thank you, Cara: ice for the first two days, then heat. Maya')
    // "s" typed into the reply must not mark anything as spam.
    expect(await tabCount(page, 'Spam')).toBe(1)
    await page
      .locator('.moderation')
      .screenshot({ path: path.join(artifacts, 'moderation-reply.png') })
    await page.getByRole('button', { name: 'Approve and Reply' }).click()
    await expectTab(page, 'Pending', 0)
    await expectTab(page, 'Approved', approved + 3)

    await page.getByRole('link', { name: `Approved (${approved + 3})` }).click()
    const reply = row(page, 'ice for the first two days')
    expect(await reply.innerText()).toMatch(/Staff[\s\S]*In reply to Cara Patient/)
    const view = row(page, 'Queue: Cara').getByRole('link', { name: 'View on page' })
    const href = await view.getAttribute('href')
    expect(href).toMatch(/^\/comments\/[\w-]+$/)
    await context.close()

    // The permanent address sends the reader to the comment on its post's page.
    const reader = await browser.newPage()
    await reader.goto(`${server.url}${href}`)
    expect(reader.url()).toBe(
      `${server.url}/posts/${REFERENCE_POST_SLUG}#comment-${href!.split('/').pop()}`,
    )
    const thread = reader.locator(`li#comment-${href!.split('/').pop()}`)
    await thread.getByText('Queue: Cara has a question.').waitFor()
    await thread.locator(':scope > ol').getByText('ice for the first two days').waitFor()
    await reader.close()
  })
})
