// Runs one of our TypeScript scripts (bench, lighthouse, the WordPress import) with SWC, and runs
// it again when Node exits early and silently without finishing: the ESM loading hang around
// Payload's packages on Node 20, where a process exits 0 having done nothing (upstream issues
// #17757 and #16381, first seen with the payload CLI, once in CI with the importer). A script
// says it finished by touching the file named in INKWELL_RUN_DONE (scripts/finished.ts); every
// script here is safe to run twice.
//   node scripts/run.mjs <script.ts> [args...]
import { spawn } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('Usage: node scripts/run.mjs <script.ts> [args...]')
  process.exit(2)
}
const ATTEMPTS = 3
for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
  const done = path.join(tmpdir(), `inkwell-run-${process.pid}-${attempt}`)
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--no-experimental-require-module',
        '--import',
        '@swc-node/register/esm-register',
        script,
        ...args,
      ],
      { stdio: 'inherit', env: { ...process.env, INKWELL_RUN_DONE: done } },
    )
    child.on('exit', (exitCode) => resolve(exitCode ?? 1))
  })
  const finished = existsSync(done)
  rmSync(done, { force: true })
  // 13 is Node's exit code for a top-level await that never settled: the same hang.
  if (finished || (code !== 0 && code !== 13)) process.exit(code)
  console.error(
    `${script} stopped before finishing; running it again (${attempt + 1}/${ATTEMPTS}).`,
  )
}
console.error(`${script} stopped before finishing ${ATTEMPTS} times.`)
process.exit(1)
