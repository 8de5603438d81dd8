// Preloaded (NODE_OPTIONS=--require) into every Node process the scale bench starts for an
// import: each one appends its peak resident memory, in kB, to INKWELL_PEAK_FILE as it exits, so
// the bench reads the importer's true peak, whatever child process it ran in.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- preloaded with --require: CommonJS
const { appendFileSync } = require('node:fs')

const file = process.env.INKWELL_PEAK_FILE
if (file) {
  process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`))
}
