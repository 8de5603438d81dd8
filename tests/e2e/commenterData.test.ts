import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import type { Browser } from 'playwright-core'

import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { TEST_STAFF, type TestServer, localPayload, startServer } from '../support/server'
import { launchBrowser, signInToDashboard } from './browser'

let server: TestServer
let payload: Payload
let browser: Browser
const artifacts = path.resolve('tests/e2e/artifacts')
const EMAIL = 'asked-to-forget@example.com'

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  payload = await localPayload(server)
  const { docs } = await payload.find({
    collection: 'posts',
    where: { slug: { equals: REFERENCE_POST_SLUG } },
    limit: 1,
  })
  await payload.create({
    collection: 'comments',
    data: {
      post: docs[0]!.id,
      authorName: 'Dana Forgetme',
      authorEmail: EMAIL,
      body: 'Please forget me later.',
      status: 'approved',
    },
    context: { trustedImport: true },
  })
}, 180_000)

afterAll(async () => {
  await payload?.destroy()
  await browser?.close()
  await server?.stop()
})

describe('a moderator handles a commenter’s data request', () => {
  it('finds the view in the navigation, downloads the data, then erases after confirming', async () => {
    const { context, page } = await signInToDashboard(browser, server.url, TEST_STAFF.moderator)
    // The navigation links it (the menu itself may be folded away at this width).
    const link = page.locator('a.commenter-data-link')
    expect(await link.getAttribute('href')).toBe('/admin/commenter-data')
    await page.goto(`${server.url}/admin/commenter-data`)
    await page.getByLabel('Commenter’s email').fill(EMAIL)
    await page.screenshot({ path: path.join(artifacts, 'commenter-data.png'), fullPage: true })

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download their data' }).click(),
    ])
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      comments: { authorName: string }[]
    }
    expect(file.comments.map((c) => c.authorName)).toEqual(['Dana Forgetme'])
    await page.getByText('Downloaded 1 comment stored').waitFor()

    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: /Erase their details/ }).click()
    await page.getByText('1 comment is now anonymous.').waitFor()
    await page.screenshot({
      path: path.join(artifacts, 'commenter-data-erased.png'),
      fullPage: true,
    })
    await context.close()
  })

  it('an editor finds no link and is refused the view', async () => {
    const { context, page } = await signInToDashboard(browser, server.url, TEST_STAFF.editor)
    expect(await page.getByRole('link', { name: /commenter data/i }).count()).toBe(0)
    await page.goto(`${server.url}/admin/commenter-data`)
    await page.getByText('Only moderators and admins may').waitFor()
    expect(await page.getByLabel('Commenter’s email').count()).toBe(0)
    await context.close()
  })
})
