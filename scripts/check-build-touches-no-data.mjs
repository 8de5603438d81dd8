// Checks the README's promise that the build never opens a database, so it can run where none is
// reachable (a Docker build, CI). It runs `npm run build` with DATABASE_URI naming a MongoDB
// server that is a silent listener of ours: any connection the build makes is counted (and would
// hang there, which the time limit catches). It fails if the build fails, takes too long,
// connects, or leaves a data/ folder that was not there before. The SQLite default is checked by
// .ci/run after `npm test`, whose build runs without DATABASE_URI.
//   node scripts/check-build-touches-no-data.mjs
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// A build takes 3 to 5 minutes on CI's machine; one that waits on a database waits far longer.
const LIMIT_MS = 15 * 60 * 1000

const connections = []
const listener = net.createServer((socket) => {
  connections.push(new Date().toISOString())
  // Accept and say nothing, as a server that has stopped answering would.
  socket.on('error', () => {})
})
await new Promise((resolve) => listener.listen(0, '127.0.0.1', resolve))
const { port } = listener.address()
const databaseUri = `mongodb://127.0.0.1:${port}/inkwell`

const dataDir = path.join(root, 'data')
const hadData = existsSync(dataDir)
const started = Date.now()
console.log(`npm run build with DATABASE_URI=${databaseUri} (a listener that never answers)`)

const { code, timedOut } = await new Promise((resolve) => {
  const child = spawn('npm', ['run', 'build'], {
    cwd: root,
    env: { ...process.env, DATABASE_URI: databaseUri },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so the time limit stops Next's workers too
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    process.kill(-child.pid, 'SIGKILL')
  }, LIMIT_MS)
  child.on('exit', (exitCode) => {
    clearTimeout(timer)
    if (exitCode !== 0) console.log(output.split('\n').slice(-40).join('\n'))
    resolve({ code: exitCode, timedOut })
  })
})
listener.close()

const seconds = Math.round((Date.now() - started) / 1000)
const problems = []
if (timedOut) problems.push(`the build did not finish within ${LIMIT_MS / 60000} minutes`)
else if (code !== 0) problems.push(`the build failed (exit ${code})`)
if (connections.length) {
  problems.push(`the build connected to the database ${connections.length} time(s)`)
}
if (!hadData && existsSync(dataDir)) problems.push('the build created data/')

if (problems.length) {
  console.error(`Build touched the database (${seconds} s): ${problems.join('; ')}`)
  process.exit(1)
}
console.log(`Build with an unreachable database: passed in ${seconds} s, no connection, no data/`)
