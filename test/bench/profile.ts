// Not part of the bench: `node --import tsx test/bench/profile.ts <server> <workload> [seconds]`
// runs one workload at c=16 (env CONNECTIONS) against a child started with --cpu-prof and prints the hottest
// functions by self time, so a target that is missed can be explained.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runLoad } from './load/node-load.ts'
import { ServerProcess } from './server-process.ts'
import type { ServerKind } from './servers/server-handle.ts'
import { httpRequest, openSession, requestShape, type WorkloadName } from './workloads.ts'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const [kind = 'mcpkit', workload = 'legacy-sse', seconds = '4'] = process.argv
  .slice(2)
  .filter((arg) => !arg.startsWith('--'))
const dir = mkdtempSync(join(tmpdir(), 'mcpkit-prof-'))
// `--measure`: no profiler, only the numbers (req/s and CPU per request without its overhead).
const measureOnly = process.argv.includes('--measure')
const server = await ServerProcess.start(kind as ServerKind, {
  // CHILD_FLAGS: extra node flags for the server child, e.g. `--trace-gc`.
  nodeFlags: [
    ...(process.env.CHILD_FLAGS?.split(' ').filter(Boolean) ?? []),
    ...(measureOnly ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`]),
  ],
})
const shapes =
  workload === 'modern'
    ? [requestShape('modern')]
    : await Promise.all(
        Array.from({ length: 16 }, async () =>
          requestShape(
            workload as WorkloadName,
            await openSession(server.port, workload === 'legacy-sse' ? 'sse' : 'json'),
          ),
        ),
      )
let cpuStart = { user: 0, total: 0 }
let cpuEnd = { user: 0, total: 0 }
let requests = 0
const result = await runLoad(
  {
    port: server.port,
    request: (connection, seq) => {
      const shape = shapes[connection % shapes.length] as (typeof shapes)[number]
      return httpRequest(server.port, { headers: shape.headers, body: shape.body(seq) })
    },
    expectStatus: 200,
  },
  {
    connections: Number(process.env.CONNECTIONS ?? 16),
    warmupMs: Number(process.env.WARMUP_MS ?? 500),
    window: { ms: Number(seconds) * 1000 },
    onWindowStart: async () => {
      cpuStart = await server.cpuTimes()
    },
    onWindowEnd: async () => {
      cpuEnd = await server.cpuTimes()
    },
  },
)
requests = result.requests
const cpu = cpuEnd.total - cpuStart.total
const userCpu = cpuEnd.user - cpuStart.user
await server.stop()
if (measureOnly) {
  const perRequest = (micros: number) => (micros / requests).toFixed(1)
  console.log(
    `${kind} ${workload}: ${result.rps.toFixed(0)} req/s, ${perRequest(cpu)} µs CPU/req (user ${perRequest(userCpu)}), p99 ${result.p99Us.toFixed(0)} µs`,
  )
  process.exit(0)
}
const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))
if (file === undefined) throw new Error('no profile written')
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile
const self = new Map<number, number>()
for (const [i, id] of profile.samples.entries()) {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
}
const byFrame = new Map<string, number>()
let total = 0
for (const node of profile.nodes) {
  const time = self.get(node.id) ?? 0
  total += time
  const { functionName, url, lineNumber } = node.callFrame
  const key = `${functionName || '(anon)'} ${url.replace(/^.*\/(node_modules|dist|mcpkit-bench)\//, '$1/')}:${lineNumber + 1}`
  byFrame.set(key, (byFrame.get(key) ?? 0) + time)
}
console.log(
  `${kind} ${workload}: ${result.rps.toFixed(0)} req/s, ${(cpu / requests).toFixed(1)} µs CPU/req, profile ${dir}/${file}`,
)
const idle = [...byFrame].filter(([k]) => k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0)
for (const [key, time] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, 45)) {
  console.log(`${((100 * time) / (total - idle)).toFixed(1).padStart(5)}%  ${key}`)
}
