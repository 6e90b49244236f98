// The targets' arithmetic on made-up cells: medians decide the verdict, and the per-run ranges are
// the ratios of pairs from the same repetition.
import { expect, test } from 'vitest'
import { computeTargets, pairedRange } from './targets.ts'
import type { ThroughputCell } from './throughput.ts'

function cell(
  server: ThroughputCell['server'],
  concurrency: number,
  runs: { rps: number[]; cpu: number[]; p99: number[] },
): ThroughputCell {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0
  return {
    workload: 'legacy-json',
    server,
    concurrency,
    generator: 'node',
    runs: runs.rps.length,
    rps: median(runs.rps),
    p50Us: 0,
    p90Us: 0,
    p99Us: median(runs.p99),
    cpuUsPerRequest: median(runs.cpu),
    errors: 0,
    firstError: undefined,
    perRun: { rps: runs.rps, cpuUsPerRequest: runs.cpu, p99Us: runs.p99 },
  }
}

function cells(concurrency: number): ThroughputCell[] {
  return [
    cell('mcpkit', concurrency, { rps: [20, 24, 18], cpu: [50, 45, 60], p99: [10, 12, 14] }),
    cell('bare', concurrency, { rps: [30, 32, 36], cpu: [30, 30, 30], p99: [8, 8, 8] }),
    cell('sdk-v1', concurrency, { rps: [5, 4, 4], cpu: [250, 250, 250], p99: [90, 90, 90] }),
    cell('sdk-v2-stateful', concurrency, {
      rps: [4, 6, 4],
      cpu: [270, 270, 270],
      p99: [95, 95, 95],
    }),
  ]
}

const inputs = {
  throughput: [...cells(16), ...cells(64)],
  sessions: [],
  cap: undefined,
  growth: [],
  bundles: [],
}

test('pairedRange takes the extremes of the per-run ratios and needs two runs', () => {
  expect(pairedRange(3, (run) => [1.5, 1.2, 1.9][run] ?? Number.NaN)).toEqual({
    low: 1.2,
    high: 1.9,
  })
  expect(pairedRange(1, () => 2)).toBeUndefined()
  expect(pairedRange(3, (run) => (run === 0 ? 1 : Number.NaN))).toBeUndefined()
})

test('req/s: the verdict is on medians, the ranges are per-run pairs against that run’s best SDK', () => {
  const [rps] = computeTargets(inputs)
  // Medians: 20/s against the better SDK's 4/s (sdk-v1 4, sdk-v2 4) = 5×, against bare 32/s = 63%.
  // Per run: 20/5, 24/6, 18/4 = 4×, 4×, 4.5×; 20/30, 24/32, 18/36 = 67%, 75%, 50%.
  expect(rps?.measured).toContain(
    'node c=16: 20/s = 5.00× SDK, 63% bare (per run 4.00×–4.50×, 50%–75%)',
  )
  expect(rps?.met).toBe(true)
})

test('CPU: ratio of medians decides, the per-run range is shown beside it', () => {
  const cpu = computeTargets(inputs).find((t) => t.measure.startsWith('server CPU'))
  // Medians 50 vs 30 = 1.67×, over the 1.6 bound; per run 50/30, 45/30, 60/30.
  expect(cpu?.measured).toContain('c=16: 50 µs vs 30 µs = 1.67× (per run 1.50×–2.00×)')
  expect(cpu?.met).toBe(false)
})
