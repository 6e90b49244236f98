// Request throughput: every workload on every server that serves it, at each concurrency, with the
// Node load generator and (when installed) wrk, interleaved: each repetition visits every cell once,
// so slow drifts of a busy machine hit every server alike. Medians over the repetitions.
import { type LoadResult, runLoad } from './load/node-load.ts'
import { runWrk } from './load/wrk.ts'
import { ServerProcess } from './server-process.ts'
import type { ServerKind } from './servers/server-handle.ts'
import { median, round } from './stats.ts'
import {
  httpRequest,
  openSession,
  type RequestShape,
  requestShape,
  verifyWorkload,
  WORKLOAD_SERVERS,
  WORKLOADS,
  type WorkloadName,
} from './workloads.ts'

/** Durations and counts (see the README for the defaults and why). */
export interface ThroughputPlan {
  readonly repetitions: number
  readonly concurrencies: readonly number[]
  readonly warmupMs: number
  readonly windowMs: number
  /** wrk runs: at these concurrencies only; empty when wrk is missing. */
  readonly wrkConcurrencies: readonly number[]
  readonly wrkWindowMs: number
  readonly log: (line: string) => void
}

/** One measured cell: medians over the repetitions. */
export interface ThroughputCell {
  readonly workload: WorkloadName
  readonly server: ServerKind
  readonly concurrency: number
  readonly generator: 'node' | 'wrk'
  readonly runs: number
  readonly rps: number
  readonly p50Us: number
  readonly p90Us: number
  readonly p99Us: number
  readonly cpuUsPerRequest: number
  readonly errors: number
  readonly firstError: string | undefined
  /**
   * Each repetition's own numbers, in repetition order. Every repetition visits every cell once, so
   * index i of two cells of the same workload was measured in the same pass: ratios of those pairs
   * show how much a verdict moves within one run.
   */
  readonly perRun: PerRun
}

/** Per-repetition values of the fields the targets compare. */
export interface PerRun {
  readonly rps: readonly number[]
  readonly cpuUsPerRequest: readonly number[]
  readonly p99Us: readonly number[]
}

interface Sample extends Omit<LoadResult, 'firstError'> {
  readonly cpuUsPerRequest: number
  readonly firstError: string | undefined
}

type Shapes = Record<WorkloadName, readonly RequestShape[]>

const MAX_CONNECTIONS = 64

async function prepare(server: ServerProcess): Promise<Partial<Shapes>> {
  const shapes: Partial<Shapes> = {}
  for (const workload of WORKLOADS) {
    if (!WORKLOAD_SERVERS[workload].includes(server.kind)) continue
    if (workload === 'modern') {
      shapes.modern = [requestShape('modern')]
    } else {
      const mode = workload === 'legacy-sse' ? 'sse' : 'json'
      const ids: string[] = []
      for (let i = 0; i < MAX_CONNECTIONS; i++) ids.push(await openSession(server.port, mode))
      shapes[workload] = ids.map((id) => requestShape(workload, id))
    }
    const first = shapes[workload]?.[0]
    const sessionId = first?.headers['mcp-session-id'] ?? ''
    await verifyWorkload(server.port, { workload, sessionId })
  }
  return shapes
}

async function measureNode(
  server: ServerProcess,
  input: { shapes: readonly RequestShape[]; concurrency: number; plan: ThroughputPlan },
): Promise<Sample> {
  const { shapes, concurrency, plan } = input
  let cpuStart = 0
  let cpuEnd = 0
  const first = shapes[0] as RequestShape
  const result = await runLoad(
    {
      port: server.port,
      request: (connection, seq) => {
        const shape = shapes[connection % shapes.length] as RequestShape
        return httpRequest(server.port, { headers: shape.headers, body: shape.body(seq) })
      },
      expectStatus: 200,
      expectBody: Buffer.from(first.expect),
    },
    {
      connections: concurrency,
      warmupMs: plan.warmupMs,
      window: { ms: plan.windowMs },
      onWindowStart: async () => {
        cpuStart = await server.cpuMicros()
      },
      onWindowEnd: async () => {
        cpuEnd = await server.cpuMicros()
      },
    },
  )
  return { ...result, cpuUsPerRequest: (cpuEnd - cpuStart) / Math.max(1, result.requests) }
}

async function measureWrk(
  server: ServerProcess,
  input: { shapes: readonly RequestShape[]; concurrency: number; plan: ThroughputPlan },
): Promise<Sample> {
  const cpuStart = await server.cpuMicros()
  const result = await runWrk({
    port: server.port,
    shapes: input.shapes,
    connections: input.concurrency,
    durationMs: input.plan.wrkWindowMs,
  })
  const cpuEnd = await server.cpuMicros()
  return {
    ...result,
    firstError: result.errors > 0 ? `${result.errors} wrk errors` : undefined,
    cpuUsPerRequest: (cpuEnd - cpuStart) / Math.max(1, result.requests),
  }
}

function summarise(
  key: Omit<
    ThroughputCell,
    | 'runs'
    | 'rps'
    | 'p50Us'
    | 'p90Us'
    | 'p99Us'
    | 'cpuUsPerRequest'
    | 'errors'
    | 'firstError'
    | 'perRun'
  >,
  samples: readonly Sample[],
): ThroughputCell {
  const pick = (get: (sample: Sample) => number) => median(samples.map(get))
  return {
    ...key,
    runs: samples.length,
    rps: round(pick((s) => s.rps)),
    p50Us: round(pick((s) => s.p50Us)),
    p90Us: round(pick((s) => s.p90Us)),
    p99Us: round(pick((s) => s.p99Us)),
    cpuUsPerRequest: round(
      pick((s) => s.cpuUsPerRequest),
      1,
    ),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    firstError: samples.find((s) => s.firstError !== undefined)?.firstError,
    perRun: {
      rps: samples.map((s) => round(s.rps)),
      cpuUsPerRequest: samples.map((s) => round(s.cpuUsPerRequest, 1)),
      p99Us: samples.map((s) => round(s.p99Us)),
    },
  }
}

interface Cell {
  readonly workload: WorkloadName
  readonly server: ServerProcess
  readonly concurrency: number
  readonly generator: 'node' | 'wrk'
  readonly samples: Sample[]
}

function plannedCells(servers: readonly ServerProcess[], plan: ThroughputPlan): Cell[] {
  const cells: Cell[] = []
  for (const workload of WORKLOADS) {
    for (const server of servers) {
      if (!WORKLOAD_SERVERS[workload].includes(server.kind)) continue
      for (const concurrency of plan.concurrencies) {
        cells.push({ workload, server, concurrency, generator: 'node', samples: [] })
      }
      for (const concurrency of plan.wrkConcurrencies) {
        cells.push({ workload, server, concurrency, generator: 'wrk', samples: [] })
      }
    }
  }
  return cells
}

/** Starts one child per server kind, measures every cell, stops the children. */
export async function measureThroughput(plan: ThroughputPlan): Promise<ThroughputCell[]> {
  const kinds = [...new Set(Object.values(WORKLOAD_SERVERS).flat())]
  const servers: ServerProcess[] = []
  try {
    for (const kind of kinds) servers.push(await ServerProcess.start(kind))
    const shapes = new Map<ServerProcess, Partial<Shapes>>()
    for (const server of servers) shapes.set(server, await prepare(server))
    const cells = plannedCells(servers, plan)
    plan.log(`throughput: ${cells.length} cells x ${plan.repetitions} repetitions`)
    // Warm-up (JIT) of every server on every workload it serves; not recorded.
    for (const server of servers) {
      for (const [workload, cellShapes] of Object.entries(shapes.get(server) ?? {})) {
        plan.log(`throughput: warming up ${server.kind} on ${workload}`)
        await measureNode(server, { shapes: cellShapes, concurrency: 16, plan })
      }
    }
    for (let rep = 0; rep < plan.repetitions; rep++) {
      // Rotate the order each repetition so no server always runs right after another.
      const order = cells.map((_, i) => cells[(i + rep * 7) % cells.length] as Cell)
      for (const cell of order) {
        const cellShapes = shapes.get(cell.server)?.[cell.workload] ?? []
        const input = { shapes: cellShapes, concurrency: cell.concurrency, plan }
        const sample =
          cell.generator === 'node'
            ? await measureNode(cell.server, input)
            : await measureWrk(cell.server, input)
        cell.samples.push(sample)
      }
      plan.log(`throughput: repetition ${rep + 1}/${plan.repetitions} done`)
    }
    return cells.map((cell) =>
      summarise(
        {
          workload: cell.workload,
          server: cell.server.kind,
          concurrency: cell.concurrency,
          generator: cell.generator,
        },
        cell.samples,
      ),
    )
  } finally {
    for (const server of servers) await server.stop()
  }
}
