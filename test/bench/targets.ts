// The issue's targets, computed from one run's numbers (never hard-coded): each gives the measured
// value, the bound it was held to, and whether it was met.
import type { BundleResult } from './bundle.ts'
import type { ServerKind } from './servers/server-handle.ts'
import type { CapResult, GrowthResult, SessionResult } from './sessions.ts'
import type { ThroughputCell } from './throughput.ts'
import type { WorkloadName } from './workloads.ts'

/** One target's verdict. */
export interface TargetResult {
  readonly measure: string
  readonly target: string
  readonly measured: string
  readonly met: boolean | undefined
}

/** Everything the targets are computed from. */
export interface TargetInputs {
  readonly throughput: readonly ThroughputCell[]
  readonly sessions: readonly SessionResult[]
  readonly cap: CapResult | undefined
  readonly growth: readonly GrowthResult[]
  readonly bundles: readonly BundleResult[]
}

/** Heap growth per call below which a session counts as flat: any per-request retention is larger. */
export const FLAT_BYTES_PER_CALL = 16
const OFFICIAL = ['sdk-v1', 'sdk-v2-stateful', 'sdk-v2-stateless']
const LABEL: Record<WorkloadName, string> = {
  'legacy-json': 'legacy tools/call, JSON',
  'legacy-sse': 'legacy tools/call, SSE',
  modern: 'modern (2026-07-28) tools/call',
}

function cell(
  cells: readonly ThroughputCell[],
  key: Pick<ThroughputCell, 'workload' | 'server' | 'concurrency' | 'generator'>,
): ThroughputCell | undefined {
  return cells.find(
    (c) =>
      c.workload === key.workload &&
      c.server === key.server &&
      c.concurrency === key.concurrency &&
      c.generator === key.generator,
  )
}

/**
 * The mcpkit server each workload's verdict is held to: the one doing the same work as the others.
 * On SSE that is mcpkit with `eventStore: false`: the official SDKs (set up as their docs show, with
 * no event store) and bare keep no events. mcpkit's default, which records every event for replay,
 * is reported beside it.
 */
const OURS: Record<WorkloadName, ServerKind> = {
  'legacy-json': 'mcpkit',
  'legacy-sse': 'mcpkit-no-replay',
  modern: 'mcpkit',
}

/** The verdict's parts, then mcpkit's default beside them when the verdict is held to another server. */
function withDefault(
  workload: WorkloadName,
  measure: (server: ServerKind) => { parts: string[]; met: boolean | undefined },
): { measured: string; met: boolean | undefined } {
  const ours = OURS[workload]
  const verdict = measure(ours)
  if (ours === 'mcpkit') return { measured: verdict.parts.join('; '), met: verdict.met }
  const defaults = measure('mcpkit')
  return {
    measured:
      `\`eventStore: false\` (no replay, like the SDKs): ${verdict.parts.join('; ')}` +
      (defaults.parts.length === 0
        ? ''
        : ` — default, every event kept for replay: ${defaults.parts.join('; ')}`),
    met: verdict.met,
  }
}

const x = (value: number) => `${value.toFixed(2)}×`
const pct = (value: number) => `${(value * 100).toFixed(0)}%`

/**
 * The lowest and highest of the per-repetition ratios `ratio(i)` (pairs measured in the same pass),
 * or undefined when fewer than two repetitions have a value. The verdict stays on the medians; the
 * range shows how far a single pass strays from them.
 */
export function pairedRange(
  runs: number,
  ratio: (run: number) => number,
): { low: number; high: number } | undefined {
  const values: number[] = []
  for (let run = 0; run < runs; run++) {
    const value = ratio(run)
    if (Number.isFinite(value)) values.push(value)
  }
  if (values.length < 2) return undefined
  return { low: Math.min(...values), high: Math.max(...values) }
}

const runsOf = (cells: readonly ThroughputCell[]) =>
  Math.min(...cells.map((c) => c.perRun.rps.length))

function rangeText(
  range: { low: number; high: number } | undefined,
  format: (value: number) => string,
): string {
  return range === undefined ? '' : `${format(range.low)}–${format(range.high)}`
}

function rpsTarget(inputs: TargetInputs, workload: WorkloadName): TargetResult {
  const { measured, met } = withDefault(workload, (server) => rpsParts(inputs, workload, server))
  return {
    measure: `req/s, ${LABEL[workload]}, c=16 and c=64`,
    target: '≥ 4× the better official SDK; ≥ 60% of bare node:http',
    measured,
    met,
  }
}

function rpsParts(
  inputs: TargetInputs,
  workload: WorkloadName,
  server: ServerKind,
): { parts: string[]; met: boolean | undefined } {
  const parts: string[] = []
  let met: boolean | undefined = true
  for (const generator of ['node', 'wrk'] as const) {
    for (const concurrency of [16, 64]) {
      const key = { workload, concurrency, generator }
      const ours = cell(inputs.throughput, { ...key, server })
      const bare = cell(inputs.throughput, { ...key, server: 'bare' })
      const officials = OFFICIAL.map((server) =>
        cell(inputs.throughput, { ...key, server: server as never }),
      ).filter((c): c is ThroughputCell => c !== undefined)
      if (ours === undefined || bare === undefined || officials.length === 0) continue
      const best = Math.max(...officials.map((c) => c.rps))
      const vsOfficial = ours.rps / best
      const vsBare = ours.rps / bare.rps
      if (!(vsOfficial >= 4 && vsBare >= 0.6)) met = false
      const runs = runsOf([ours, bare, ...officials])
      const bestOf = (run: number) => Math.max(...officials.map((c) => c.perRun.rps[run] ?? 0))
      const sdkRange = pairedRange(runs, (run) => (ours.perRun.rps[run] ?? 0) / bestOf(run))
      const bareRange = pairedRange(
        runs,
        (run) => (ours.perRun.rps[run] ?? 0) / (bare.perRun.rps[run] ?? 0),
      )
      const spread =
        sdkRange === undefined || bareRange === undefined
          ? ''
          : ` (per run ${rangeText(sdkRange, x)}, ${rangeText(bareRange, pct)})`
      parts.push(
        `${generator} c=${concurrency}: ${Math.round(ours.rps)}/s = ${x(vsOfficial)} SDK, ${pct(vsBare)} bare${spread}`,
      )
    }
  }
  if (parts.length === 0) met = undefined
  return { parts, met }
}

function ratioTarget(
  inputs: TargetInputs,
  spec: {
    workload: WorkloadName
    server: ServerKind
    concurrencies: number[]
    field: 'cpuUsPerRequest' | 'p99Us'
    bound: number
  },
): { parts: string[]; met: boolean | undefined } {
  const parts: string[] = []
  let met: boolean | undefined = true
  for (const concurrency of spec.concurrencies) {
    const key = { workload: spec.workload, concurrency, generator: 'node' as const }
    const ours = cell(inputs.throughput, { ...key, server: spec.server })
    const bare = cell(inputs.throughput, { ...key, server: 'bare' })
    if (ours === undefined || bare === undefined) continue
    const ratio = ours[spec.field] / bare[spec.field]
    if (!(ratio <= spec.bound)) met = false
    const field = spec.field
    const range = pairedRange(
      runsOf([ours, bare]),
      (run) => (ours.perRun[field][run] ?? 0) / (bare.perRun[field][run] ?? 0),
    )
    const spread = range === undefined ? '' : ` (per run ${rangeText(range, x)})`
    parts.push(`c=${concurrency}: ${ours[field]} µs vs ${bare[field]} µs = ${x(ratio)}${spread}`)
  }
  return { parts, met: parts.length === 0 ? undefined : met }
}

function cpuTarget(inputs: TargetInputs, workload: WorkloadName): TargetResult {
  const { measured, met } = withDefault(workload, (server) =>
    ratioTarget(inputs, {
      workload,
      server,
      concurrencies: [16, 64],
      field: 'cpuUsPerRequest',
      bound: 1.6,
    }),
  )
  return {
    measure: `server CPU per request, ${LABEL[workload]}`,
    target: '≤ 1.6× bare node:http',
    measured,
    met,
  }
}

function p99Target(inputs: TargetInputs, workload: WorkloadName): TargetResult {
  const { measured, met } = withDefault(workload, (server) =>
    ratioTarget(inputs, { workload, server, concurrencies: [16], field: 'p99Us', bound: 2 }),
  )
  return {
    measure: `p99 at c=16, ${LABEL[workload]}`,
    target: '≤ 2× bare node:http',
    measured,
    met,
  }
}

function sessionTargets(inputs: TargetInputs): TargetResult[] {
  const ours = inputs.sessions.find((s) => s.server === 'mcpkit')
  const bare = inputs.sessions.find((s) => s.server === 'bare')
  if (ours === undefined) return []
  const worstIdle = Math.max(...ours.idle.map((p) => p.heapBytes))
  const stream = ours.withGetStream?.heapBytes ?? Number.NaN
  const results: TargetResult[] = [
    {
      measure: 'heap per idle legacy session (with the GET stream open)',
      target: '≤ 3 KB (≤ 8 KB)',
      measured: `${ours.idle.map((p) => `${p.heapBytes} B at ${p.sessions}`).join(', ')}; with GET stream ${stream} B`,
      met: worstIdle <= 3072 && stream <= 8192,
    },
  ]
  if (bare !== undefined) {
    const ratio = ours.initMs / bare.initMs
    results.push({
      measure: `${ours.idle[0]?.sessions ?? 0} session initializations`,
      target: "≤ 2× the bare server's time",
      measured: `${ours.initMs} ms vs ${bare.initMs} ms = ${x(ratio)}`,
      met: ratio <= 2,
    })
  }
  const cap = inputs.cap
  results.push({
    measure: 'sessions in one process, default heap',
    target: '≥ 500k; past the configured cap: 503 or eviction, never a crash',
    measured:
      `held ${ours.held} (estimate for the ${Math.round(ours.heapLimitBytes / 2 ** 20)} MB heap: ${ours.estimatedMaxSessions})` +
      (ours.crashed === undefined ? '' : `, crashed: ${ours.crashed}`) +
      (cap === undefined
        ? ''
        : `; cap ${cap.cap}, ${cap.attempted} opened: ${JSON.stringify(cap.statuses)}, ${cap.heldAfter} held, alive: ${cap.alive}`),
    met: ours.crashed === undefined && ours.held >= 500_000 && cap?.passed === true,
  })
  const growth = inputs.growth.find((g) => g.server === 'mcpkit')
  if (growth !== undefined) {
    results.push({
      measure: `heap growth over ${growth.calls} calls on one session`,
      target: `flat (≤ ${FLAT_BYTES_PER_CALL} B per call)`,
      measured: `${(growth.heapGrowthBytes / 1024).toFixed(0)} KB = ${growth.bytesPerCall} B per call`,
      met: growth.errors === 0 && growth.bytesPerCall <= FLAT_BYTES_PER_CALL,
    })
  }
  return results
}

function bundleTarget(inputs: TargetInputs): TargetResult | undefined {
  const ours = inputs.bundles.find((b) => b.name === 'mcpkit/client')
  const officials = inputs.bundles.filter(
    (b) => b.name !== 'mcpkit/client' && b.error === undefined,
  )
  if (ours === undefined || ours.error !== undefined || officials.length === 0) return undefined
  // The smaller official client is the stricter reference.
  const smallest = officials.reduce((a, b) => (a.gzipBytes <= b.gzipBytes ? a : b))
  const ratio = ours.gzipBytes / smallest.gzipBytes
  return {
    measure: '`mcpkit/client` for the browser, gzip',
    target: '≤ ⅓ of the official client (the smaller one)',
    measured: `${(ours.gzipBytes / 1024).toFixed(1)} KB vs ${(smallest.gzipBytes / 1024).toFixed(1)} KB (${smallest.name}) = ${x(ratio)}`,
    met: ratio <= 1 / 3,
  }
}

/** Every target, in the issue's order. */
export function computeTargets(inputs: TargetInputs): TargetResult[] {
  const workloads: WorkloadName[] = ['legacy-json', 'legacy-sse', 'modern']
  const results = [
    ...workloads.map((w) => rpsTarget(inputs, w)),
    ...workloads.map((w) => cpuTarget(inputs, w)),
    ...workloads.map((w) => p99Target(inputs, w)),
    ...sessionTargets(inputs),
  ]
  const bundle = bundleTarget(inputs)
  if (bundle !== undefined) results.push(bundle)
  return results
}
