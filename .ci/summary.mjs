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
  if (kind === 'conformance') return countConformance(target)
  throw new Error(`unknown report kind: ${kind}`)
}

// Conformance results: one directory per scenario (`server-<name>-<timestamp>` or `<name>-<timestamp>`)
// holding checks.json. When a revision directory has `scored.txt` (the scenarios that
// `conformance list --requirements <rev>` names), only those count as passed/failed; checks of
// unscored scenarios (extensions, pending) are reported separately and never hidden.
function countConformance(root) {
  const dirs = readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('checks.json'))
  const scoredCache = new Map()
  const scoredFor = (file) => {
    const revDir = join(root, file.split(/[\\/]/).slice(0, -2).join('/'))
    if (!scoredCache.has(revDir)) {
      const list = join(revDir, 'scored.txt')
      scoredCache.set(
        revDir,
        existsSync(list)
          ? new Set(readFileSync(list, 'utf8').split('\n').filter(Boolean))
          : undefined,
      )
    }
    return scoredCache.get(revDir)
  }
  const totals = { passed: 0, failed: 0, skipped: 0, unscoredPassed: 0, unscoredFailed: 0 }
  for (const file of dirs) {
    const scenario = file
      .split(/[\\/]/)
      .at(-2)
      .replace(/^server-/, '')
      .replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, '')
    const scored = scoredFor(file)
    const checks = json(join(root, file))
    const passed = checks.filter((c) => c.status === 'SUCCESS').length
    const failed = checks.filter((c) => c.status === 'FAILURE').length
    if (!scored || scored.has(scenario)) {
      totals.passed += passed
      totals.failed += failed
    } else {
      totals.unscoredPassed += passed
      totals.unscoredFailed += failed
    }
  }
  return totals
}
