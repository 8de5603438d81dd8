/**
 * node scripts/run.mjs scripts/generate-wxr.ts <out.xml> [--posts N] [--busy-comments N]
 *
 * Writes a synthetic WordPress export (bench/syntheticWxr.ts) for measuring the importer:
 * N published posts (1,000 unless told) with comments in threads, one of them with 1,200.
 */
import { syntheticCounts, writeSyntheticWxr } from '@/bench/syntheticWxr'
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
  const bytes = await writeSyntheticWxr(file, options)
  const counts = syntheticCounts(options)
  process.stdout.write(
    `${file}: ${counts.items} items, ${counts.posts} posts, ${counts.comments} comments (${bytes} bytes)\n`,
  )
}

runScript(main)
