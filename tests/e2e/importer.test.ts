import { mkdirSync } from 'node:fs'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import type { Payload } from 'payload'

import { importWordpress } from '@/tools/importer/run'
import { parseWxr } from '@/tools/importer/wxr'
import { readFileSync } from 'node:fs'

import { type TestServer, localPayload, startServer } from '../support/server'
import { axeViolations } from './axe'
import { launchBrowser } from './browser'

let server: TestServer
let browser: Browser
let payload: Payload
const artifacts = path.resolve('tests/e2e/artifacts')

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  ;[server, browser] = await Promise.all([startServer({ seed: false }), launchBrowser()])
  payload = await localPayload(server)
  const config = await (await import('@/payload.config')).default
  const xml = readFileSync(path.resolve('tests/fixtures/wordpress/lakeside-export.xml'), 'utf8')
  await importWordpress(payload, config, parseWxr(xml), {
    mediaDir: path.resolve('tests/fixtures/wordpress/uploads'),
  })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await payload?.destroy()
  await server?.stop()
})

describe('a post imported from WordPress', () => {
  it('opens from its old WordPress address, with its image, list and threaded comments', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${server.url}/ejercicios-de-movilidad-para-la-espalda-%f0%9f%a7%98/`)
    await page.waitForURL(/\/posts\/ejercicios-de-movilidad-para-la-espalda$/)
    await page
      .getByRole('heading', { level: 1, name: /Ejercicios de movilidad para la espalda/ })
      .waitFor()
    const image = page.locator('.prose img')
    expect(await image.getAttribute('alt')).toBe('Treatment table by a window overlooking the lake')
    const comment = page.locator('.comment', { hasText: 'Lucía Fernández' })
    await comment.waitFor()
    expect(await page.locator('.comments').innerText()).not.toContain('Íñigo') // pending reply
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: path.join(artifacts, 'imported-post.png'), fullPage: true })

    await page.goto(`${server.url}/sports-massage-after-a-marathon-what-to-expect/`)
    await page.waitForURL(/\/posts\/sports-massage-after-a-marathon-what-to-expect$/)
    // Four levels deep on WordPress; shown as deep as the moderation settings allow.
    const nested = page.locator('.comment > ol .comment > ol .comment')
    expect(await nested.count()).toBeGreaterThan(0)
    expect(await page.locator('.comments').innerText()).toContain('Zoë Brontë-Ngô')
    expect(await page.locator('.breadcrumbs').innerText()).toContain('Sports Massage')
    await page.close()
  })
})
