// The table `npm run bench` prints (CI greps the line starting "inkwell bench" and the 12 after
// it) and the figures behind it, as bench/results.json records them.
import type { LoadResult } from './load'

export const log = (line: string) => process.stdout.write(`${line}\n`)

/** Bytes as kB with one decimal, as every bench table prints them. */
export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

export type Results = {
  date: string
  machine: string
  targets: ({ name: string; ofBaseline: number } & LoadResult)[]
  publishToVisibleMs: {
    postPage?: number
    recentPostsElsewhere?: number
    postPageAfterCommentFlood?: number
  }
  approvalToVisibleMs?: number
  databaseOperations: { cachedViews: number; duringCachedViews: number; oneUncachedRender: number }
  firstLoadJs: { gzipKb: number }
  firstLoadJsOfNotFoundPage: number
  approvedCommentsOnPost: number
}

export const printTable = (r: Results) => {
  log(`\ninkwell bench, ${r.date} (${r.machine}), 20 connections`)
  log('target                         req/s   p50 ms  p99 ms  failures  % of baseline')
  for (const t of r.targets) {
    log(
      `${t.name.padEnd(30)}${String(t.rps).padStart(6)}${String(t.p50).padStart(9)}${String(t.p99).padStart(8)}${String(t.failures).padStart(10)}${`${t.ofBaseline}%`.padStart(15)}`,
    )
  }
  log(`approved comments on the post page: ${r.approvedCommentsOnPost}`)
  log(
    `publish -> visible: post page ${r.publishToVisibleMs.postPage} ms, Recent Posts on another post ${r.publishToVisibleMs.recentPostsElsewhere} ms, post page right after the comment flood ${r.publishToVisibleMs.postPageAfterCommentFlood} ms`,
  )
  log(`approval -> visible: ${r.approvalToVisibleMs} ms`)
  log(
    `database operations during ${r.databaseOperations.cachedViews} cached views: ${r.databaseOperations.duringCachedViews} (one uncached render: ${r.databaseOperations.oneUncachedRender})`,
  )
  log(
    `first-load JS of the post page: ${r.firstLoadJs.gzipKb} kB gzipped (a not-found page, same layout: ${r.firstLoadJsOfNotFoundPage} kB)`,
  )
}
