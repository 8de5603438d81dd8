import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { type Client, createClient } from '@libsql/client'
import type { Browser, Page } from 'playwright-core'

import { COMMENT_NOT_SAVED_MESSAGE } from '@/lib/comments/unavailable'
import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { TEST_STAFF, type TestServer } from '../support/server'
import {
  type SmallDisk,
  fillUnderDatabase,
  mountSmallDisk,
  settleAll,
  startServerOnDisk,
} from '../support/smallDisk'
import { launchBrowser, signInToDashboard } from './browser'

// What a reader and an editor see when the disk holding the database fills up, with JavaScript
// on (tests/int/storageFaults covers the same over HTTP, the read-only file and the lock too).

const artifacts = path.resolve('tests/e2e/artifacts')
const mongo = Boolean(process.env.TEST_MONGODB_URI)
const describeSqlite = mongo ? describe.skip : describe

let disk: SmallDisk
let server: TestServer
let cleanup: (() => Promise<void>) | undefined
let browser: Browser
let inspector: Client

describeSqlite('when the disk holding the database is full', () => {
  let reader: Page
  let editor: Page

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    disk = await mountSmallDisk(96)
    const site = await startServerOnDisk(disk)
    ;({ server, cleanup } = site)
    browser = await launchBrowser()
    // Both are in before the disk fills: signing in writes a session.
    editor = (await signInToDashboard(browser, server.url, TEST_STAFF.editor)).page
    reader = await browser.newPage()
    await reader.goto(`${server.url}/posts/${REFERENCE_POST_SLUG}`)
    inspector = createClient({ url: site.databaseUrl })
    await fillUnderDatabase(disk, inspector)
  }, 180_000)

  afterAll(async () => {
    // Every step, whatever an earlier one threw: a server left running would keep the disk busy.
    await settleAll([
      () => inspector?.close(),
      () => browser?.close(),
      () => cleanup?.(),
      () => disk?.free(),
      () => disk?.unmount(),
    ])
  })

  it('a reader is told to try again in a few minutes and keeps what they wrote', async () => {
    const text = 'Written while the disk was full. My lower back is much better, thank you.'
    await reader.getByLabel(/^Comment/).fill(text)
    await reader.getByLabel(/^Name/).fill('Rosa Patient')
    await reader.getByLabel(/^Email/).fill('rosa@example.com')
    await reader.waitForTimeout(3500)
    await reader.getByRole('button', { name: 'Post Comment' }).click()
    await reader.getByText(COMMENT_NOT_SAVED_MESSAGE).waitFor()
    expect(await reader.getByLabel(/^Comment/).inputValue()).toMatch(/^Written while the disk/)
    expect(await reader.getByLabel(/^Email/).inputValue()).toBe('rosa@example.com')
    await reader
      .locator('#respond')
      .screenshot({ path: path.join(artifacts, 'disk-full-comment.png') })
  })

  it('an editor’s save shows why it was not saved', async () => {
    const { rows } = await inspector.execute({
      sql: 'select id from posts where slug = ?',
      args: [REFERENCE_POST_SLUG],
    })
    await editor.goto(`${server.url}/admin/collections/posts/${String(rows[0]!.id)}`)
    await editor.screenshot({ path: path.join(artifacts, 'disk-full-dashboard-open.png') })
    await editor.locator('#field-title').fill('Pain Relief Through Medical Massage, revised')
    await editor.getByRole('button', { name: /Publish changes/ }).click()
    await editor
      .getByText(/the disk holding the database is full/)
      .first()
      .waitFor()
    await editor.screenshot({ path: path.join(artifacts, 'disk-full-dashboard.png') })
  })
})
