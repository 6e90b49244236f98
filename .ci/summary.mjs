// Reads a runner's result files and returns { passed, failed } counts.
// Vitest: .vitest.json (json reporter); Playwright: .playwright.json; conformance: a results directory of checks.json files.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const json = (file) => JSON.parse(readFileSync(file, 'utf8'))

export function countResults(kind, target) {
  if (!existsSync(target)) return undefined
  if (kind === 'vitest') {
    const r = json(target)
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.numRuntimeErrorTests ?? 0),
      skipped: r.numPendingTests + r.numTodoTests,
    }
  }
  if (kind === 'playwright') {
    const { expected, unexpected, flaky, skipped } = json(target).stats
    return { passed: expected + flaky, failed: unexpected, skipped }
  }
  if (kind === 'conformance') {
    const all = readdirSync(target, { recursive: true })
      .filter((f) => String(f).endsWith('checks.json'))
      .flatMap((f) => json(join(target, String(f))))
    return {
      passed: all.filter((c) => c.status === 'SUCCESS').length,
      failed: all.filter((c) => c.status === 'FAILURE').length,
      skipped: 0,
    }
  }
  throw new Error(`unknown report kind: ${kind}`)
}
