// Fails when a jest run skipped anything: a skipped test in CI is a test that never runs.
// Usage: node .ci/no-skipped.cjs <jest --json output file> <suite name>
const { readFileSync } = require('node:fs')
const [file, suite] = process.argv.slice(2)
const report = JSON.parse(readFileSync(file, 'utf8'))
const skipped = report.testResults.flatMap((r) =>
  r.assertionResults.filter((a) => a.status !== 'passed' && a.status !== 'failed').map((a) => `${r.name}: ${a.fullName} (${a.status})`),
)
if (skipped.length > 0) {
  console.error(`${suite}: ${skipped.length} test(s) did not run:\n  ${skipped.join('\n  ')}`)
  process.exit(1)
}
console.log(`${suite}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, 0 skipped`)
