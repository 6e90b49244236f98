// `npm run bench`: mcpkit beside the official SDKs and a bare node:http responder, in one
// invocation. Phases: throughput (interleaved, repeated), sessions, browser bundles, cold start.
// Writes test/bench/results/latest.{md,json} and prints the targets. Not part of `npm test`.
//
//   npm run bench                 the full run (about 10 minutes on a 2-core box)
//   npm run bench -- --quick      one repetition, short windows, small counts (a smoke test)
//   npm run bench -- --only=throughput,sessions,bundle,cold   a subset of the phases
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { measureBundles } from './bundle.ts'
import { measureColdStarts } from './cold-start.ts'
import { hostCpuTimes, stealShare } from './host-cpu.ts'
import { wrkVersion } from './load/wrk.ts'
import { type BenchReport, renderMarkdown, writeReport } from './report.ts'
import { measureSessions } from './sessions.ts'
import { computeTargets } from './targets.ts'
import { measureThroughput } from './throughput.ts'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',')
const phase = (name: string) => only === undefined || only.includes(name)
const log = (line: string) =>
  console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${line}`)
const started = performance.now()

const wrk = wrkVersion()
if (wrk === undefined) {
  console.warn(
    'wrk is not installed (Debian: apt-get install wrk): the wrk ceiling runs are skipped; the Node load generator still runs.',
  )
}

const throughputPlan = {
  repetitions: quick ? 1 : 5,
  concurrencies: [1, 16, 64],
  warmupMs: quick ? 150 : 250,
  windowMs: quick ? 500 : 1000,
  wrkConcurrencies: wrk === undefined ? [] : [16, 64],
  wrkWindowMs: 1000,
  log,
}
const sessionPlan = {
  servers: ['bare', 'mcpkit', 'sdk-v2-stateful', 'sdk-v1'] as const,
  firstCount: quick ? 2_000 : 10_000,
  initRepetitions: quick ? 1 : 4,
  secondCount: quick ? 5_000 : 100_000,
  secondServers: ['bare', 'mcpkit'] as const,
  capacityCount: quick ? 20_000 : 500_000,
  capCheck: { cap: 1_000, sessions: 1_500 },
  callsOnOneSession: quick
    ? { mcpkit: 5_000, bare: 5_000 }
    : { mcpkit: 100_000, bare: 100_000, 'sdk-v1': 20_000, 'sdk-v2-stateful': 20_000 },
  concurrency: 16,
  log,
}
const coldRuns = quick ? 2 : 5

const loadStart = loadavg()
const cpuStart = hostCpuTimes()
const throughput = phase('throughput') ? await measureThroughput(throughputPlan) : []
const cpuAfterThroughput = hostCpuTimes()
const sessionResults = phase('sessions')
  ? await measureSessions(sessionPlan)
  : { sessions: [], cap: undefined, growth: [] }
if (phase('bundle')) log('bundles')
const bundles = phase('bundle') ? await measureBundles() : []
if (phase('cold')) log('cold start')
const coldStart = phase('cold')
  ? await measureColdStarts(
      ['bare', 'mcpkit', 'sdk-v1', 'sdk-v2-stateful', 'sdk-v2-stateless'],
      coldRuns,
    )
  : []

const report: BenchReport = {
  info: {
    startedAt: new Date(Date.now() - performance.now() + started).toISOString(),
    durationS: Math.round((performance.now() - started) / 1000),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    loadAverage: { start: loadStart, end: loadavg() },
    stealShare: {
      throughput: stealShare(cpuStart, cpuAfterThroughput),
      run: stealShare(cpuStart, hostCpuTimes()),
    },
    wrk: wrk ?? 'not installed (ceiling runs skipped)',
    plan: {
      quick,
      only: only ?? 'all',
      throughput: { ...throughputPlan, log: undefined },
      sessions: { ...sessionPlan, log: undefined },
      coldRuns,
    },
  },
  targets: computeTargets({ throughput, ...sessionResults, bundles }),
  throughput,
  ...sessionResults,
  bundles,
  coldStart,
}
const written = writeReport(fileURLToPath(new URL('./results', import.meta.url)), report)
console.log(renderMarkdown(report).split('## Throughput')[0])
log(`written: ${written.markdown}, ${written.json}`)
