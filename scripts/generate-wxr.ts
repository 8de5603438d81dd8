/**
 * node scripts/run.mjs scripts/generate-wxr.ts <out.xml> [--posts N] [--busy-comments N]
 *
 * Writes a synthetic WordPress export (bench/syntheticWxr.ts) for measuring the importer:
 * N published posts (1,000 unless told) with comments in threads, one of them with 1,200.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

import { syntheticCounts, syntheticWxr } from '@/bench/syntheticWxr'
import { runScript } from '@/scripts/finished'

const USAGE =
  'Usage: node scripts/run.mjs scripts/generate-wxr.ts <out.xml> [--posts N] [--busy-comments N]'

const main = async () => {
  const argv = process.argv.slice(2)
  let file = ''
  const options = { posts: 1000, busyComments: 1200 }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--posts') options.posts = Number(argv[++i])
    else if (arg === '--busy-comments') options.busyComments = Number(argv[++i])
    else if (!arg.startsWith('--') && !file) file = arg
    else throw new Error(USAGE)
  }
  if (!file || !(options.posts >= 1) || !(options.busyComments >= 0)) throw new Error(USAGE)
  const out = createWriteStream(file)
  for (const piece of syntheticWxr(options)) {
    if (!out.write(piece)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  const counts = syntheticCounts(options)
  process.stdout.write(
    `${file}: ${counts.items} items, ${counts.posts} posts, ${counts.comments} comments (${out.bytesWritten} bytes)\n`,
  )
}

runScript(main)
