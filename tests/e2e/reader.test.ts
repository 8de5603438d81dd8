import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { type TestServer, startServer } from '../support/server'
import { launchBrowser } from './browser'

let server: TestServer
let browser: Browser
let page: Page
const artifacts = path.resolve('tests/e2e/artifacts')

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** True when every <img> on the page finished loading with real pixels. */
const imagesLoaded = (p: Page) =>
  p.evaluate(async () => {
    const images = [...document.images]
    images.forEach((img) => (img.loading = 'eager'))
    const settled = (img: HTMLImageElement) =>
      new Promise((resolve) => {
        img.addEventListener('load', resolve, { once: true })
        img.addEventListener('error', resolve, { once: true })
      })
    await Promise.all(images.map((img) => (img.complete ? null : settled(img))))
    return images.map((img) => ({ alt: img.alt, ok: img.complete && img.naturalWidth > 0 }))
  })

describe('home page', () => {
  it('lists the newest posts with images, bylines and a link to older posts', async () => {
    await page.goto(`${server.url}/`)
    const titles = await page.locator('.post-card__title').allTextContents()
    expect(titles).toHaveLength(6)
    expect(titles[0]).toBe('Ways to Achieve Pain Relief Through Medical Massage')
    const images = await imagesLoaded(page)
    expect(images.length).toBe(6)
    expect(images.every((i) => i.ok && i.alt.length > 0)).toBe(true)
    await page.screenshot({ path: path.join(artifacts, 'home.png'), fullPage: true })

    await page.getByRole('link', { name: 'Older posts →' }).click()
    await page.waitForURL(/\/page\/2$/)
    expect(await page.locator('.post-card__title').count()).toBe(2)
  })
})

describe('the reference post page', () => {
  beforeAll(async () => {
    await page.goto(`${server.url}/posts/${REFERENCE_POST_SLUG}`)
  })

  it('has the title, an author byline linking to the profile, and the date', async () => {
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Ways to Achieve Pain Relief Through Medical Massage',
    )
    const author = page.locator('.post__header .byline a')
    expect(await author.textContent()).toBe('Maya Alvarez, LMT')
    expect(await author.getAttribute('href')).toBe('/authors/maya-alvarez')
    const time = page.locator('.post__header .byline time')
    expect(await time.getAttribute('datetime')).toBe('2023-12-01T15:00:00.000Z')
    expect(await time.textContent()).toBe('December 1, 2023')
    expect(await page.content()).not.toContain('replenish-admin')
  })

  it('says who medically reviewed it and when, under the byline', async () => {
    const review = page.locator('.post__header .medical-review')
    expect(await review.textContent()).toBe(
      'Medically reviewed by Jordan Lee, RN · Last reviewed October 15, 2026',
    )
    expect(await review.getByRole('link').getAttribute('href')).toBe('/authors/jordan-lee')
  })

  it('shows the featured and the inline image, each loaded and described', async () => {
    const images = await imagesLoaded(page)
    const alts = images.filter((i) => i.ok).map((i) => i.alt)
    expect(alts).toEqual([
      'Featured image for “Ways to Achieve Pain Relief Through Medical Massage”',
      'pain relief through medical massage',
    ])
  })

  it('renders the content: 11 H2 sections, the H3 and three bullet lists', async () => {
    const body = page.locator('article .prose')
    expect(await body.locator('h2').count()).toBe(11)
    expect(await body.locator('h3').allTextContents()).toEqual(['Technique Application'])
    expect(await body.locator('ul').count()).toBe(3)
    expect(await body.locator('ul > li').count()).toBe(11)
  })

  it('ends with the closing note, the Recent Posts sidebar and the call to action', async () => {
    await expect(page.locator('.closing-note h2').textContent()).resolves.toBe(
      'A Note From Replenish Aesthetics and Wellness',
    )
    const recent = page.getByRole('navigation', { name: 'Recent Posts' }).getByRole('link')
    const recentTitles = await recent.allTextContents()
    expect(recentTitles).toHaveLength(5)
    expect(recentTitles).not.toContain('Ways to Achieve Pain Relief Through Medical Massage')
    await expect(page.locator('.cta h2').textContent()).resolves.toBe(
      'Ready to schedule your treatment or Dysport/ Filler Party?',
    )
  })

  it('never shows a broken-block message, and looks right', async () => {
    const text = await page.locator('body').innerText()
    expect(text).not.toMatch(/Unable to locate|Global Block/)
    await page.screenshot({ path: path.join(artifacts, 'post.png'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: path.join(artifacts, 'post-mobile.png') })
    // On a phone the content is one column: nothing wider than the screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('the byline leads to the author page with bio and posts', async () => {
    await page.locator('.post__header .byline a').click()
    await page.waitForURL(/\/authors\/maya-alvarez$/)
    await expect(page.locator('h1').textContent()).resolves.toBe('Maya Alvarez, LMT')
    expect(await page.locator('.post-card').count()).toBeGreaterThanOrEqual(3)
  })
})

describe('not found', () => {
  it('an unknown post gets a 404 page a reader can use', async () => {
    const res = await page.goto(`${server.url}/posts/no-such-post`)
    expect(res?.status()).toBe(404)
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found')
    await page.getByRole('link', { name: 'Go to the latest posts' }).click()
    await page.waitForURL(`${server.url}/`)
  })
})
