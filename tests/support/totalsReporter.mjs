// Appends each jest run's totals to $INKWELL_TOTALS_FILE, so .ci/run can print one line for
// every suite. A suite that fails to load counts as a failure, not as nothing.
import { appendFileSync } from 'node:fs'

export default class TotalsReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.INKWELL_TOTALS_FILE
    if (!file) return
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    appendFileSync(file, `${results.numPassedTests} ${failed}\n`)
  }
}
