import path from 'node:path'

import type { Browser } from 'playwright-core'

import { TEST_STAFF, type TestServer, startServer } from '../support/server'
import { launchBrowser, signInToDashboard } from './browser'

const artifacts = path.resolve('tests/e2e/artifacts')
/** The seeded site name (tools/seed). */
const SITE_NAME = 'Replenish Aesthetics and Wellness'
let server: TestServer
let browser: Browser

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('staff log in to the dashboard', () => {
  it('the dashboard sends anonymous visitors to sign in', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/admin`)
    await page.waitForURL(/\/admin\/login/)
    await page.close()
  })

  it.each(['admin', 'editor', 'moderator'] as const)('%s', async (role) => {
    const { context, page } = await signInToDashboard(browser, server.url, TEST_STAFF[role])
    // The dashboard lists the collections this role may see; every role reads posts.
    await page.locator('.dashboard, [class*="dashboard"]').first().waitFor({ timeout: 60_000 })
    const text = await page.locator('body').innerText()
    expect(text).toMatch(/Posts/)
    if (role === 'admin') expect(text).toMatch(/Users/)
    await context.close()
  })

  it("the sign-in page, header and tab carry the clinic's name and mark, not Payload's", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${server.url}/admin/login`)
    const logo = page.locator('.brand-logo')
    await logo.waitFor()
    expect(await logo.innerText()).toContain(SITE_NAME)
    expect(await page.title()).toContain(SITE_NAME)
    expect(await page.locator('link[rel="icon"]').first().getAttribute('href')).toBe('/icon.svg')
    expect((await fetch(`${server.url}/icon.svg`)).headers.get('content-type')).toMatch(/svg/)
    expect(await page.locator('body').innerText()).not.toMatch(/payload/i)
    await page.screenshot({ path: path.join(artifacts, 'dashboard-login.png') })
    await page.close()

    const { context, page: signedIn } = await signInToDashboard(
      browser,
      server.url,
      TEST_STAFF.editor,
    )
    await signedIn.getByRole('img', { name: SITE_NAME }).first().waitFor()
    // The title follows the client-side move from the sign-in page, a moment after the header.
    await signedIn.waitForFunction((name) => document.title.includes(name), SITE_NAME)
    await context.close()
  })

  it('a wrong password is refused', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.locator('input[name="email"]').fill(TEST_STAFF.editor.email)
    await page.locator('input[name="password"]').fill('not-the-password')
    await page.locator('button[type="submit"]').click()
    await page
      .getByText(/incorrect/i)
      .first()
      .waitFor({ timeout: 30_000 })
    expect(new URL(page.url()).pathname).toBe('/admin/login')
    await page.close()
  })
})
