import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import type { Payload } from 'payload'

import { REFERENCE_POST_SLUG } from '@/tools/seed'
import { document } from '@/tools/seed/lexical'

import { TEST_STAFF, type TestServer, localPayload, startServer } from '../support/server'
import { axeViolations } from './axe'
import { launchBrowser, signInToDashboard } from './browser'

let server: TestServer
let browser: Browser
let payload: Payload
const artifacts = path.resolve('tests/e2e/artifacts')

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  payload = await localPayload(server)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await payload?.destroy()
  await server?.stop()
})

describe('staff preview a draft from the dashboard', () => {
  it('the Preview button opens the draft as readers would see it, with a way out', async () => {
    const draft = await payload.create({
      collection: 'posts',
      draft: true,
      data: {
        title: 'Winter Opening Hours (draft)',
        _status: 'draft',
        content: document(
          [{ type: 'p', text: 'We open at nine from December.' }],
          () => 0,
        ) as never,
      },
    })
    const { context, page } = await signInToDashboard(browser, server.url, TEST_STAFF.editor)
    await page.goto(`${server.url}/admin/collections/posts/${draft.id}`)
    const [preview] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('.preview-btn').first().click(),
    ])
    await preview.waitForURL(`**/posts/${draft.slug}`)
    await preview.getByRole('heading', { level: 1, name: 'Winter Opening Hours (draft)' }).waitFor()
    await preview.getByText('You are seeing the latest draft').waitFor()
    await preview.screenshot({ path: path.join(artifacts, 'preview-draft.png') })

    await preview.getByRole('link', { name: 'Exit preview' }).click()
    await preview.waitForURL(`**/posts/${draft.slug}`)
    await preview.getByRole('heading', { name: 'Page not found' }).waitFor()
    await context.close()
  })
})

describe('live preview', () => {
  it('shows the post beside the editor and follows the title as staff type', async () => {
    const { docs } = await payload.find({
      collection: 'posts',
      where: { slug: { equals: REFERENCE_POST_SLUG } },
    })
    const { context, page } = await signInToDashboard(browser, server.url, TEST_STAFF.editor)
    await page.goto(`${server.url}/admin/collections/posts/${docs[0]!.id}`)
    await page.locator('.live-preview-toggler').click()
    const frame = page.frameLocator('iframe').first()
    await frame.getByRole('heading', { level: 1, name: /Ways to Achieve Pain Relief/ }).waitFor()
    await page.locator('#field-title').fill('Pain Relief, Live Edit')
    // Autosave (1.5 s) saves a draft; the preview re-renders from it.
    await frame
      .getByRole('heading', { level: 1, name: 'Pain Relief, Live Edit' })
      .waitFor({ timeout: 30_000 })
    await page.screenshot({ path: path.join(artifacts, 'live-preview.png') })
    // Readers still see the published title.
    const html = await (await fetch(`${server.url}/posts/${REFERENCE_POST_SLUG}`)).text()
    expect(html).toContain('<h1>Ways to Achieve Pain Relief Through Medical Massage</h1>')
    await context.close()
  })
})

describe('a reader searches and browses an archive', () => {
  let page: Page
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  })

  it('searches from the header and sees the words marked in the results', async () => {
    await page.goto(`${server.url}/`)
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('stretches doorway')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(/\/search\?q=stretches\+doorway/)
    await page.getByText('1 post found.').waitFor()
    const marks = await page.locator('.search-results mark').allTextContents()
    expect(marks.map((m) => m.toLowerCase())).toEqual(
      expect.arrayContaining(['stretches', 'doorway']),
    )
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: path.join(artifacts, 'search.png'), fullPage: true })

    await page.getByRole('searchbox', { name: 'Search posts' }).last().fill('xylophone')
    await page.getByRole('button', { name: 'Search' }).last().click()
    await page.getByText('No posts found.').waitFor()
  })

  it('follows a post’s category to its archive', async () => {
    await page.goto(`${server.url}/posts/${REFERENCE_POST_SLUG}`)
    await page.locator('.terms').getByRole('link', { name: 'Massage Therapy' }).click()
    await page.waitForURL(/\/categories\/massage-therapy$/)
    await page.getByRole('heading', { level: 1, name: 'Massage Therapy' }).waitFor()
    const titles = await page.locator('.post-card__title').allTextContents()
    expect(titles).toContain('Ways to Achieve Pain Relief Through Medical Massage')
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: path.join(artifacts, 'category.png'), fullPage: true })
  })
})
