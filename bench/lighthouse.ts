/**
 * `npm run lighthouse`: Lighthouse 12 (mobile preset: emulated phone, slow 4G, 4x CPU slowdown)
 * against the production build on a fresh seeded database, for the home page and the reference
 * post. Prints the four category scores with LCP, CLS and TBT, every audit that did not pass in
 * Accessibility, Best Practices and SEO, and writes bench/lighthouse.json.
 */
import { writeFile } from 'node:fs/promises'
import os from 'node:os'

import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

import { REFERENCE_POST_SLUG } from '@/tools/seed'
import { startServer } from '@/tests/support/server'
import { CHROMIUM_ARGS } from '@/tests/e2e/browser'

import { ensureBuild } from './build'
import { runScript } from '@/scripts/finished'

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

/** The first few items an audit names (console messages, URLs, elements), to act on. */
const detailsOf = (details: unknown): string => {
  const items = (details as { items?: Record<string, unknown>[] } | undefined)?.items ?? []
  const named = items.slice(0, 3).map((item) => {
    const node = item.node as { snippet?: string } | undefined
    return String(item.description ?? item.url ?? node?.snippet ?? JSON.stringify(item))
  })
  return named.length ? `: ${named.join(' | ')}` : ''
}

const log = (line: string) => process.stdout.write(`${line}\n`)

const main = async () => {
  ensureBuild()
  const server = await startServer()
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: CHROMIUM_ARGS,
  })
  const pages = [
    { name: 'home', url: `${server.url}/` },
    { name: 'reference post', url: `${server.url}/posts/${REFERENCE_POST_SLUG}` },
  ]
  const results = []
  try {
    for (const { name, url } of pages) {
      await fetch(url) // rendered once, as every later reader meets it: from the cache
      const run = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      })
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`)
      const { lhr } = run
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN
      const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'manual')
          .map((a) => `${c}: ${a!.id} (${a!.title})${detailsOf(a!.details)}`),
      )
      results.push({
        name,
        path: new URL(url).pathname,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcpMs: Math.round(metric('largest-contentful-paint')),
        cls: Math.round(metric('cumulative-layout-shift') * 1000) / 1000,
        tbtMs: Math.round(metric('total-blocking-time')),
        failing,
      })
    }
  } finally {
    chrome.kill()
    await server.stop()
  }

  log(`\nLighthouse 12 mobile, ${new Date().toISOString()} (${os.cpus().length} cores)`)
  log('page              perf  a11y  best  seo   LCP ms   CLS    TBT ms')
  for (const r of results) {
    log(
      `${r.name.padEnd(16)}${String(r.performance).padStart(6)}${String(r.accessibility).padStart(6)}${String(r.bestPractices).padStart(6)}${String(r.seo).padStart(5)}${String(r.lcpMs).padStart(9)}${String(r.cls).padStart(7)}${String(r.tbtMs).padStart(9)}`,
    )
    for (const f of r.failing) log(`  not passed: ${f}`)
  }
  await writeFile(
    'bench/lighthouse.json',
    `${JSON.stringify({ date: new Date().toISOString(), preset: 'mobile', pages: results }, null, 2)}\n`,
  )
  log('Wrote bench/lighthouse.json')
}

runScript(main)
