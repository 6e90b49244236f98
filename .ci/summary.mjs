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

// Conformance results: one directory per scenario (`server-<name>-<timestamp>` or `<name>-<timestamp>`;
// client `auth/<name>` scenarios sit one level deeper, in `auth/`) holding checks.json. When a
// revision directory has `scored.txt` (the scenarios that `conformance list --requirements <rev>`
// names), only those count as passed/failed; checks of unscored scenarios (extensions, pending)
// are reported separately and never hidden.
function countConformance(root) {
  const files = readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('checks.json'))
  const scoredCache = new Map()
  const readScored = (dir) => {
    if (!scoredCache.has(dir)) {
      const list = join(root, dir, 'scored.txt')
      scoredCache.set(
        dir,
        existsSync(list)
          ? new Set(readFileSync(list, 'utf8').split('\n').filter(Boolean))
          : undefined,
      )
    }
    return scoredCache.get(dir)
  }
  // The nearest directory above the scenario's that has scored.txt, and the scenario's name
  // relative to it (`auth/metadata-default`), or just the directory name when none has one.
  const locate = (file) => {
    const parts = file.split(/[\\/]/).slice(0, -1)
    const name = (path) =>
      path
        .join('/')
        .replace(/(^|\/)server-/, '$1')
        .replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, '')
    for (let depth = parts.length - 1; depth >= 0; depth--) {
      const scored = readScored(parts.slice(0, depth).join('/'))
      if (scored) return { scenario: name(parts.slice(depth)), scored }
    }
    return { scenario: name(parts.slice(-1)), scored: undefined }
  }
  // Scenarios listed in the run's baseline (expected failures the suite accepts: the auth/* client
  // scenarios until mcpkit has OAuth) are reported apart, never as passes and never as failures.
  const baselineCache = new Map()
  const readBaseline = (file) => {
    // baseline.txt sits beside scored.txt: in the nearest directory above the scenario that has one.
    const parts = file.split(/[\\/]/).slice(0, -2)
    let dir = root
    for (let depth = parts.length; depth >= 0; depth--) {
      const candidate = join(root, ...parts.slice(0, depth))
      if (existsSync(join(candidate, 'scored.txt'))) {
        dir = candidate
        break
      }
    }
    if (!baselineCache.has(dir)) {
      const list = join(dir, 'baseline.txt')
      baselineCache.set(
        dir,
        new Set(existsSync(list) ? readFileSync(list, 'utf8').split('\n').filter(Boolean) : []),
      )
    }
    return baselineCache.get(dir)
  }
  const totals = {
    passed: 0,
    failed: 0,
    skipped: 0,
    unscoredPassed: 0,
    unscoredFailed: 0,
    baselinedPassed: 0,
    baselinedFailed: 0,
  }
  for (const file of files) {
    const { scenario, scored } = locate(file)
    const checks = json(join(root, file))
    const passed = checks.filter((c) => c.status === 'SUCCESS').length
    const failed = checks.filter((c) => c.status === 'FAILURE').length
    if (readBaseline(file).has(scenario)) {
      totals.baselinedPassed += passed
      totals.baselinedFailed += failed
    } else if (!scored || scored.has(scenario)) {
      totals.passed += passed
      totals.failed += failed
    } else {
      totals.unscoredPassed += passed
      totals.unscoredFailed += failed
    }
  }
  return totals
}
