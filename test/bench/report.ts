// The bench's output: one markdown report (targets first, then every table) and the same numbers as
// JSON, both in test/bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs'
import type { BundleResult } from './bundle.ts'
import type { ColdStartResult } from './cold-start.ts'
import type { CapResult, GrowthResult, SessionResult } from './sessions.ts'
import type { TargetResult } from './targets.ts'
import type { ThroughputCell } from './throughput.ts'

/** Where and how the run happened. */
export interface RunInfo {
  readonly startedAt: string
  readonly durationS: number
  readonly node: string
  readonly cpus: string
  readonly loadAverage: { readonly start: readonly number[]; readonly end: readonly number[] }
  /** CPU time the hypervisor gave to other guests, as a share (Linux only). */
  readonly stealShare: {
    readonly throughput: number | undefined
    readonly run: number | undefined
  }
  readonly wrk: string
  readonly plan: Readonly<Record<string, unknown>>
}

/** Everything one run measured. */
export interface BenchReport {
  readonly info: RunInfo
  readonly targets: readonly TargetResult[]
  readonly throughput: readonly ThroughputCell[]
  readonly sessions: readonly SessionResult[]
  readonly cap: CapResult | undefined
  readonly growth: readonly GrowthResult[]
  readonly bundles: readonly BundleResult[]
  readonly coldStart: readonly ColdStartResult[]
}

const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(2)} KB` : 'n/a')

function table(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (cells: readonly unknown[]) =>
    `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

function verdict(met: boolean | undefined): string {
  return met === undefined ? 'not measured' : met ? '**met**' : '**not met**'
}

function throughputTable(cells: readonly ThroughputCell[]): string {
  const rows = cells.map((c) => [
    c.workload,
    c.concurrency,
    c.server,
    c.generator,
    c.rps,
    c.p50Us,
    c.p90Us,
    c.p99Us,
    c.cpuUsPerRequest,
    c.errors === 0 ? 0 : `${c.errors} (${c.firstError ?? ''})`,
  ])
  return table(
    [
      'workload',
      'c',
      'server',
      'load',
      'req/s',
      'p50 µs',
      'p90 µs',
      'p99 µs',
      'CPU µs/req',
      'errors',
    ],
    rows,
  )
}

function sessionTable(sessions: readonly SessionResult[]): string {
  const rows = sessions.map((s) => [
    s.server,
    `${s.initMs} ms (${s.initPerSecond}/s; runs ${s.initRunsMs.join(', ')} ms)`,
    s.idle.map((p) => `${kb(p.heapBytes)} at ${p.sessions}`).join('; '),
    s.idle.map((p) => `${kb(p.rssBytes)} at ${p.sessions}`).join('; '),
    s.withGetStream === undefined
      ? 'n/a'
      : `${kb(s.withGetStream.heapBytes)} / ${kb(s.withGetStream.rssBytes)}${s.getStreamErrors > 0 ? ` (${s.getStreamErrors} failed)` : ''}`,
    s.held,
    s.estimatedMaxSessions,
    s.crashed ?? '',
  ])
  return table(
    [
      'server',
      `init of ${sessions[0]?.idle[0]?.sessions ?? 0}`,
      'heap/session',
      'RSS/session',
      'with GET stream heap / RSS',
      'held',
      'est. max on default heap',
      'crash',
    ],
    rows,
  )
}

function stealText(steal: BenchReport['info']['stealShare']): string {
  const share = (value: number) => `${(value * 100).toFixed(1)}%`
  if (steal.run === undefined) return ''
  const during =
    steal.throughput === undefined ? '' : `, ${share(steal.throughput)} during the throughput phase`
  return ` CPU time stolen by the hypervisor: ${share(steal.run)} of the run${during}.`
}

/** Renders the markdown report. */
export function renderMarkdown(report: BenchReport): string {
  const { info } = report
  const parts = [
    '# mcpkit benchmark',
    '',
    `Run ${info.startedAt}, ${info.durationS} s. Node ${info.node}, ${info.cpus}. Load average at start ${info.loadAverage.start.map((n) => n.toFixed(2)).join(' ')}, at end ${info.loadAverage.end.map((n) => n.toFixed(2)).join(' ')}.${stealText(info.stealShare)} wrk: ${info.wrk}.`,
    '',
    `Plan: \`${JSON.stringify(info.plan)}\``,
    '',
    '## Targets',
    '',
    table(
      ['Measure', 'Target', 'Measured (same run)', 'Verdict'],
      report.targets.map((t) => [t.measure, t.target, t.measured, verdict(t.met)]),
    ),
    '',
    'Throughput verdicts compare medians over the repetitions. "Per run" gives the lowest and highest of the same ratio taken within each repetition (every repetition measures every server once, so each pair was measured within about a minute): how far one pass strays from the median.',
    '',
    '## Throughput and latency',
    '',
    "Medians over the repetitions. `node`: the Node load generator (raw keep-alive sockets, one request in flight per connection); `wrk`: wrk -t1. CPU µs/req: the server process's own `process.cpuUsage()` over the measured window divided by the requests answered.",
    '',
    throughputTable(report.throughput),
    '',
    '## Sessions',
    '',
    "Per-session numbers are (after − before) / sessions, both after forced GC, in a fresh server process. Sessions are opened with `initialize` at concurrency 16 over HTTP; mcpkit's capacity step opens the rest in-process through `server.handle()`. The initialization time is the median over the memory run and further fresh processes, interleaved across servers.",
    '',
    sessionTable(report.sessions),
    '',
    report.cap === undefined
      ? ''
      : `Cap check (mcpkit, \`maxSessions: ${report.cap.cap}\`, ${report.cap.attempted} sessions opened): statuses ${JSON.stringify(report.cap.statuses)}, ${report.cap.heldAfter} held afterwards, process alive: ${report.cap.alive}.`,
    '',
    table(
      ['server', 'calls on one session', 'heap growth', 'per call', 'errors'],
      report.growth.map((g) => [
        g.server,
        g.calls,
        kb(g.heapGrowthBytes),
        `${g.bytesPerCall} B`,
        g.errors,
      ]),
    ),
    '',
    '## Browser bundle',
    '',
    table(
      ['client', 'entry', 'exports', 'minified', 'gzip', 'error'],
      report.bundles.map((b) => [
        b.name,
        b.entry,
        b.exports,
        kb(b.minifiedBytes),
        kb(b.gzipBytes),
        b.error ?? '',
      ]),
    ),
    '',
    '## Cold start',
    '',
    'A new node process per run: import (node start-up included), listen, answer the first request (`initialize`). Medians.',
    '',
    table(
      ['server', 'runs', 'imports done', 'listening', 'first answer', 'error'],
      report.coldStart.map((c) => [
        c.server,
        c.runs,
        `${c.importMs} ms`,
        `${c.listenMs} ms`,
        `${c.firstAnswerMs} ms`,
        c.error ?? '',
      ]),
    ),
    '',
  ]
  return parts.join('\n')
}

/** Writes latest.md and latest.json to `dir`. */
export function writeReport(dir: string, report: BenchReport): { markdown: string; json: string } {
  mkdirSync(dir, { recursive: true })
  const markdown = `${dir}/latest.md`
  const json = `${dir}/latest.json`
  writeFileSync(markdown, renderMarkdown(report))
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`)
  return { markdown, json }
}
