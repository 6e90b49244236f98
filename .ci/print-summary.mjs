// Usage: node .ci/print-summary.mjs vitest .vitest.json | playwright .playwright.json | conformance <dir>
// Prints one plain "N passed, M failed" line computed from a runner's result files.
import { countResults } from './summary.mjs'

const [kind, target] = process.argv.slice(2)
const counts = countResults(kind, target)
if (!counts) {
  console.log(`0 passed, 1 failed (no ${kind} results at ${target})`)
  process.exit(1)
}
if (counts.unscoredPassed !== undefined && counts.unscoredPassed + counts.unscoredFailed > 0) {
  console.log(
    `not scored: ${counts.unscoredPassed} passed, ${counts.unscoredFailed} failed (extensions and pending scenarios)`,
  )
}
if (counts.baselinedPassed + counts.baselinedFailed > 0) {
  console.log(
    `baselined: ${counts.baselinedPassed} passed, ${counts.baselinedFailed} failed (expected failures)`,
  )
}
console.log(`${counts.passed} passed, ${counts.failed} failed`)
