import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import { kb } from './report'

export type FirstLoadJs = {
  gzipKb: number
  rawKb: number
  files: { file: string; gzipKb: number }[]
}

/**
 * The JavaScript a reader's browser loads before the page is interactive: every script the
 * page's HTML names, read from the build output (.next/static) and gzipped as a server would.
 */
export const firstLoadJs = async (html: string, buildDir = '.next'): Promise<FirstLoadJs> => {
  // Legacy polyfills (nomodule) are skipped by every modern browser, as Next's own figure does.
  const sources = [...html.matchAll(/<script([^>]+)>/g)]
    .map((m) => m[1] as string)
    .filter((attributes) => !/\bnomodule\b/i.test(attributes))
    .map((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1])
    .filter((src): src is string => Boolean(src))
  const unique = [...new Set(sources)].filter((src) => src.startsWith('/_next/static/'))
  const files = await Promise.all(
    unique.map(async (src) => {
      const file = path.join(
        buildDir,
        'static',
        decodeURIComponent(src.replace('/_next/static/', '').split('?')[0] ?? ''),
      )
      const code = await readFile(file)
      return { file: src, raw: code.length, gzip: gzipSync(code, { level: 9 }).length }
    }),
  )
  files.sort((a, b) => b.gzip - a.gzip)
  return {
    gzipKb: kb(files.reduce((sum, f) => sum + f.gzip, 0)),
    rawKb: kb(files.reduce((sum, f) => sum + f.raw, 0)),
    files: files.map((f) => ({ file: f.file, gzipKb: kb(f.gzip) })),
  }
}
