// The scale bench's import: a synthetic export written to a file, then imported by the real
// `npm run import:wordpress` in its own process, timed, with that process's peak memory.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { type SyntheticOptions, syntheticCounts, writeSyntheticWxr } from './syntheticWxr'

export type ImportFigures = {
  posts: number
  comments: number
  /** Posts plus comments: what the importer's work grows with. */
  items: number
  exportMb: number
  seconds: number
  peakRssMb: number
}

/** Imports `options`' export into the database `env` names; REVALIDATE_URL refreshes the server. */
export const importSynthetic = async (
  dir: string,
  options: SyntheticOptions,
  env: Record<string, string>,
): Promise<ImportFigures> => {
  const file = path.join(dir, 'export.xml')
  const peakFile = path.join(dir, 'import-peak.txt')
  const bytes = await writeSyntheticWxr(file, options)
  const started = Date.now()
  const child = spawn(
    process.execPath,
    ['scripts/run.mjs', 'scripts/import-wordpress.ts', file, '--report', path.join(dir, 'r.json')],
    {
      env: {
        ...process.env,
        ...env,
        NODE_OPTIONS: `--require ${path.resolve('bench/peakRss.cjs')}`,
        INKWELL_PEAK_FILE: peakFile,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  const [code] = (await once(child, 'exit')) as [number | null]
  if (code !== 0) throw new Error(`The import of ${options.posts} posts exited with ${code}.`)
  const seconds = (Date.now() - started) / 1000
  const peaks = (await readFile(peakFile, 'utf8')).split('\n').filter(Boolean).map(Number)
  const counts = syntheticCounts(options)
  return {
    posts: counts.posts,
    comments: counts.comments,
    items: counts.posts + counts.comments,
    exportMb: Math.round((bytes / 2 ** 20) * 10) / 10,
    seconds: Math.round(seconds * 10) / 10,
    peakRssMb: Math.round(Math.max(...peaks) / 1024),
  }
}
