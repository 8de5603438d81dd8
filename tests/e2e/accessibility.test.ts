import type { Browser, Page } from 'playwright-core'
import type { Payload } from 'payload'

import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { type TestServer, localPayload, startServer } from '../support/server'
import { axeViolations } from './axe'
import { launchBrowser } from './browser'

let server: TestServer
let browser: Browser
let payload: Payload
let page: Page

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  payload = await localPayload(server)
  const { docs } = await payload.find({
    collection: 'posts',
    where: { slug: { equals: REFERENCE_POST_SLUG } },
    depth: 0,
  })
  // An approved comment, so the page shows a thread with a Reply link.
  await payload.create({
    collection: 'comments',
    data: {
      post: docs[0]!.id,
      authorName: 'Rosa Patient',
      authorEmail: 'rosa@example.com',
      authorWebsite: 'https://rosa.example.com',
      body: 'The stretches helped my shoulder within a week.',
      status: 'approved',
    },
    context: { trustedImport: true },
  })
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await payload?.destroy()
  await server?.stop()
})

// Each page is checked as a reader meets it; a violation lists the rule and the elements.
describe('axe finds no accessibility violations', () => {
  it('on the home page', async () => {
    await page.goto(`${server.url}/`)
    expect(await axeViolations(page)).toEqual([])
  })

  it('on the reference post, with the reply form open under a comment', async () => {
    await page.goto(`${server.url}/posts/${REFERENCE_POST_SLUG}`)
    const comment = page.locator('.comment', { hasText: 'The stretches helped my shoulder' })
    await comment.getByRole('link', { name: 'Reply to Rosa Patient' }).click()
    await comment.getByRole('heading', { name: /Leave a Reply to this comment/ }).waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  it('on the post when the form shows a mistake', async () => {
    await page.goto(`${server.url}/posts/${REFERENCE_POST_SLUG}`)
    const form = page.locator('#respond')
    await form.getByLabel(/^Comment/).fill('Thank you!')
    await form.getByLabel(/^Name/).fill('Rosa')
    await form.getByLabel(/^Email/).fill('rosa@example.com')
    await form.getByLabel(/^Website/).fill('not a website')
    await page.waitForTimeout(3500)
    await form.getByRole('button', { name: 'Post Comment' }).click()
    await form.locator('.field__error').first().waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  it('on an author page', async () => {
    await page.goto(`${server.url}/authors/maya-alvarez`)
    expect(await axeViolations(page)).toEqual([])
  })

  it('on the not-found page', async () => {
    await page.goto(`${server.url}/posts/no-such-post`)
    expect(await axeViolations(page)).toEqual([])
  })

  it('and the check itself reports a violation when there is one', async () => {
    await page.goto(`${server.url}/posts/${REFERENCE_POST_SLUG}`)
    // The post's featured image loses its alt text. (A node added to the page could be removed
    // again by React while it hydrates; an attribute taken away stays away.)
    const image = page.locator('img.post__featured')
    await image.evaluate((img) => img.removeAttribute('alt'))
    expect(await image.getAttribute('alt')).toBeNull()
    const violations = await axeViolations(page)
    expect(violations.map((v) => v.rule)).toContain('image-alt')
  })
})
