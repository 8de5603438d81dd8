// Launches Debian's chromium through playwright-core with the flags this machine needs
// (no browser downloads, no background network traffic).
import { type Browser, chromium } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const launchBrowser = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })

/** Signs a staff member in to the dashboard in a fresh browser context, as a person would. */
export const signInToDashboard = async (
  browser: Browser,
  baseUrl: string,
  account: { email: string; password: string },
) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('input[name="email"]').fill(account.email)
  await page.locator('input[name="password"]').fill(account.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => url.pathname === '/admin', { timeout: 60_000 })
  return { context, page }
}
