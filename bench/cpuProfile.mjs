#!/usr/bin/env node
// Reads a .cpuprofile (as `npm run bench -- --comments --profile DIR` leaves it) without a
// browser: how busy the thread was each second, then self time by package or file and by
// function, for the samples between --from and --to seconds (the flood, not the start-up).
//   node bench/cpuProfile.mjs <file.cpuprofile> [--from 15] [--to 30] [--top 30]
// Turbopack's production chunks mangle names; `npx next build --no-mangling` keeps them.
import { readFileSync } from 'node:fs'

const [file, ...rest] = process.argv.slice(2)
if (!file) {
  console.error('Usage: node bench/cpuProfile.mjs <file.cpuprofile> [--from s] [--to s] [--top n]')
  process.exit(2)
}
const option = (name, fallback) => {
  const i = rest.indexOf(name)
  return i >= 0 ? Number(rest[i + 1]) : fallback
}
const from = option('--from', 0) * 1e6
const to = option('--to', Infinity) * 1e6
const top = option('--top', 30)

const profile = JSON.parse(readFileSync(file, 'utf8'))
const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
const idle = profile.nodes.find((n) => n.callFrame.functionName === '(idle)')?.id

/** Where a function lives: its npm package, an app chunk, a Node module, or a native frame. */
const placeOf = ({ callFrame: { url, functionName } }) => {
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (pkg) return pkg[1]
  if (url.includes('/chunks/')) return `app chunk ${url.split('/').pop()}`
  if (!url) return `(${functionName})`
  return url.startsWith('node:') ? url : url.replace(/^file:\/\//, '')
}

const self = new Map()
const busy = []
let t = 0
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0
  t += dt
  const second = (busy[Math.floor(t / 1e6)] ??= { busy: 0, all: 0 })
  second.all += dt
  if (id !== idle) second.busy += dt
  if (t >= from && t <= to) self.set(id, (self.get(id) ?? 0) + dt)
})
const total = [...self.values()].reduce((a, b) => a + b, 0) || 1
const sum = (keyOf) => {
  const out = new Map()
  for (const [id, dt] of self) {
    const key = keyOf(nodes.get(id))
    out.set(key, (out.get(key) ?? 0) + dt)
  }
  return [...out].sort((a, b) => b[1] - a[1]).slice(0, top)
}
const share = (dt) => `${((100 * dt) / total).toFixed(1).padStart(5)}%`

console.log(
  'busy % by second:',
  busy.map((s, i) => `${i}:${s ? Math.round((100 * s.busy) / s.all) : '-'}`).join(' '),
)
console.log(`\n${(total / 1e6).toFixed(1)} s sampled; self time by package or file`)
for (const [key, dt] of sum(placeOf)) console.log(share(dt), key)
console.log('\nself time by function')
const fn = (n) =>
  `${n.callFrame.functionName || '(anonymous)'}  ${placeOf(n)}:${n.callFrame.lineNumber + 1}`
for (const [key, dt] of sum(fn)) console.log(share(dt), key)
