// Sessions: what an idle legacy session costs (heap and RSS after forced GC, at 10k and 100k), with
// its GET stream open, how fast sessions start, how many one process holds on the default heap,
// what happens past the configured cap, and whether a long-lived session retains memory per call.
import { connect, type Socket } from 'node:net'
import { runLoad } from './load/node-load.ts'
import { ServerProcess } from './server-process.ts'
import type { MemorySample } from './servers/child.ts'
import type { ServerKind } from './servers/server-handle.ts'
import { median, round, sleep } from './stats.ts'
import {
  httpRequest,
  initializeBody,
  initializeHeaders,
  LEGACY_VERSION,
  openSession,
  requestShape,
} from './workloads.ts'

/** Counts and bounds (see the README). */
export interface SessionPlan {
  readonly servers: readonly ServerKind[]
  /** The first step (initialization time, per-session memory, GET streams). */
  readonly firstCount: number
  /** Fresh processes timed opening `firstCount` sessions, per server. */
  readonly initRepetitions: number
  /** The second step, for the servers in `secondServers`. */
  readonly secondCount: number
  readonly secondServers: readonly ServerKind[]
  /** mcpkit only: sessions to create in one process on the default heap. */
  readonly capacityCount: number
  /** mcpkit's cap in the overflow check, and how many sessions that check starts. */
  readonly capCheck: { readonly cap: number; readonly sessions: number }
  /** Tool calls on one session per server, for heap growth. */
  readonly callsOnOneSession: Readonly<Partial<Record<ServerKind, number>>>
  readonly concurrency: number
  readonly log: (line: string) => void
}

/** Memory per session at one count. */
export interface PerSession {
  readonly sessions: number
  readonly heapBytes: number
  readonly rssBytes: number
}

/** One server's session numbers. */
export interface SessionResult {
  readonly server: ServerKind
  /**
   * Time to start `firstCount` sessions (the median over `initRepetitions` fresh processes,
   * interleaved across servers), and the rate.
   */
  readonly initMs: number
  readonly initPerSecond: number
  readonly initErrors: number
  /** Every repetition's time, in order. */
  readonly initRunsMs: readonly number[]
  readonly idle: PerSession[]
  /** Heap and RSS per session with one GET stream open on each. */
  readonly withGetStream: PerSession | undefined
  readonly getStreamErrors: number
  readonly heapLimitBytes: number
  /** Sessions the server held alive at the end, and the estimate for the default heap. */
  readonly held: number
  readonly estimatedMaxSessions: number
  readonly crashed: string | undefined
}

/** Heap growth over many calls on one session. */
export interface GrowthResult {
  readonly server: ServerKind
  readonly calls: number
  readonly heapGrowthBytes: number
  readonly bytesPerCall: number
  readonly errors: number
}

/** The overflow check: past the cap, only 200 (eviction) or 503, and the process lives. */
export interface CapResult {
  readonly cap: number
  readonly attempted: number
  readonly statuses: Readonly<Record<string, number>>
  readonly heldAfter: number
  readonly alive: boolean
  readonly passed: boolean
}

const SESSION_ID = /(?:^|\r\n)mcp-session-id:\s*([^\r\n]+)/
const GET_HEAD_TIMEOUT_MS = 10_000

/** Starts `count` sessions with the Node load generator; resolves with their ids. */
async function startSessions(
  server: ServerProcess,
  input: {
    count: number
    concurrency: number
    keepIds: boolean
    statuses?: Record<string, number>
  },
): Promise<{ ms: number; ids: string[]; errors: number; firstError: string | undefined }> {
  const ids: string[] = []
  const headers = initializeHeaders('json')
  const result = await runLoad(
    {
      port: server.port,
      request: (_, seq) => httpRequest(server.port, { headers, body: initializeBody(seq) }),
      expectStatus: input.statuses === undefined ? 200 : undefined,
      onResponse: (response) => {
        if (input.statuses !== undefined) {
          const key = String(response.status)
          input.statuses[key] = (input.statuses[key] ?? 0) + 1
        }
        if (!input.keepIds) return
        const match = SESSION_ID.exec(response.headers ?? '')
        if (match?.[1] !== undefined) ids.push(match[1])
      },
    },
    { connections: input.concurrency, warmupMs: 0, window: { requests: input.count } },
  )
  const errors = input.statuses === undefined ? result.errors : 0
  return { ms: result.elapsedMs, ids, errors, firstError: result.firstError }
}

function perSession(base: MemorySample, now: MemorySample, sessions: number): PerSession {
  return {
    sessions,
    heapBytes: round((now.heapUsed - base.heapUsed) / Math.max(1, sessions)),
    rssBytes: round((now.rss - base.rss) / Math.max(1, sessions)),
  }
}

/** Opens one idle GET stream per session; resolves once every head arrived. */
async function openGetStreams(
  port: number,
  ids: readonly string[],
): Promise<{ sockets: Socket[]; errors: number }> {
  const sockets: Socket[] = []
  let errors = 0
  const open = (id: string) =>
    new Promise<void>((resolve) => {
      const socket = connect({ port, host: '127.0.0.1' })
      sockets.push(socket)
      let head = ''
      let settled = false
      // A head that never comes counts as a failure instead of hanging the run.
      const timer = setTimeout(() => done(false), GET_HEAD_TIMEOUT_MS)
      const done = (ok: boolean) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (!ok) errors++
        socket.removeAllListeners('data')
        resolve()
      }
      socket.on('connect', () =>
        socket.write(
          httpRequest(port, {
            method: 'GET',
            body: '',
            headers: {
              accept: 'text/event-stream',
              'mcp-session-id': id,
              'mcp-protocol-version': LEGACY_VERSION,
            },
          }),
        ),
      )
      socket.on('data', (chunk: Buffer) => {
        head += chunk.toString('latin1')
        if (head.includes('\r\n\r\n')) done(head.startsWith('HTTP/1.1 200'))
      })
      socket.on('error', () => done(false))
      socket.on('close', () => done(false))
    })
  const BATCH = 250
  for (let i = 0; i < ids.length; i += BATCH) await Promise.all(ids.slice(i, i + BATCH).map(open))
  return { sockets, errors }
}

async function closeSockets(sockets: readonly Socket[]): Promise<void> {
  for (const socket of sockets) socket.destroy()
  await sleep(1000)
}

/** Opens `plan.firstCount` sessions in a fresh child of `kind`; resolves with the time taken. */
async function timeInitialization(
  kind: ServerKind,
  plan: SessionPlan,
): Promise<{ ms: number; errors: number }> {
  const server = await ServerProcess.start(kind, { maxSessions: plan.firstCount + 1000 })
  try {
    const run = await startSessions(server, {
      count: plan.firstCount,
      concurrency: plan.concurrency,
      keepIds: false,
    })
    return { ms: run.ms, errors: run.errors }
  } finally {
    await server.stop()
  }
}

/** Initialization times, interleaved: each repetition visits every server once. */
async function timeInitializations(plan: SessionPlan): Promise<Map<ServerKind, number[]>> {
  const times = new Map<ServerKind, number[]>(plan.servers.map((kind) => [kind, []]))
  for (let rep = 0; rep < plan.initRepetitions; rep++) {
    for (const kind of plan.servers) {
      const run = await timeInitialization(kind, plan)
      times.get(kind)?.push(run.errors === 0 ? run.ms : Number.NaN)
    }
    plan.log(`sessions: initialization timing ${rep + 1}/${plan.initRepetitions} done`)
  }
  return times
}

/** The idle-session numbers of one server, in a fresh child. */
async function measureServerSessions(
  kind: ServerKind,
  plan: SessionPlan,
  initTimes: readonly number[],
): Promise<SessionResult> {
  const capacity = kind === 'mcpkit' ? plan.capacityCount : 0
  const server = await ServerProcess.start(kind, {
    maxSessions: Math.max(capacity, plan.secondCount, plan.firstCount) + 1000,
  })
  let crashed: string | undefined
  const idle: PerSession[] = []
  let withGetStream: PerSession | undefined
  let getStreamErrors = 0
  let init = { ms: Number.NaN, errors: 0 }
  let heapLimitBytes = 0
  let last: PerSession | undefined
  let baseHeap = 0
  try {
    const base = await server.memory()
    baseHeap = base.heapUsed
    heapLimitBytes = base.heapLimit
    const first = await startSessions(server, {
      count: plan.firstCount,
      concurrency: plan.concurrency,
      keepIds: true,
    })
    init = first
    let held = await server.sessions()
    last = perSession(base, await server.memory(), held)
    idle.push(last)
    plan.log(`sessions: ${kind} ${held} sessions in ${round(first.ms)} ms`)
    const streams = await openGetStreams(server.port, first.ids)
    getStreamErrors = streams.errors
    withGetStream = perSession(base, await server.memory(), held)
    await closeSockets(streams.sockets)
    if (plan.secondServers.includes(kind) && plan.secondCount > held) {
      const more = await startSessions(server, {
        count: plan.secondCount - held,
        concurrency: plan.concurrency,
        keepIds: false,
      })
      init = { ...init, errors: init.errors + more.errors }
      held = await server.sessions()
      last = perSession(base, await server.memory(), held)
      idle.push(last)
      plan.log(`sessions: ${kind} holds ${held} sessions`)
    }
    if (capacity > held) {
      const ms = await server.fill(capacity - held)
      held = await server.sessions()
      last = perSession(base, await server.memory(), held)
      idle.push(last)
      plan.log(`sessions: ${kind} holds ${held} sessions (in-process fill, ${round(ms)} ms)`)
    }
  } catch (error) {
    crashed = server.alive ? String(error) : server.crashReport()
  } finally {
    await server.stop()
  }
  const perHeap = last?.heapBytes ?? Number.NaN
  const runs = [init.ms, ...initTimes]
  const initMs = median(runs)
  return {
    server: kind,
    initMs: round(initMs),
    initPerSecond: round((plan.firstCount / initMs) * 1000),
    initErrors: init.errors,
    initRunsMs: runs.map((ms) => round(ms)),
    idle,
    withGetStream,
    getStreamErrors,
    heapLimitBytes,
    held: last?.sessions ?? 0,
    estimatedMaxSessions: round((heapLimitBytes - baseHeap) / perHeap),
    crashed,
  }
}

/** mcpkit with a small cap: more sessions than the cap get 200 (evicting the oldest) or 503. */
export async function checkCap(plan: SessionPlan): Promise<CapResult> {
  const { cap, sessions } = plan.capCheck
  const server = await ServerProcess.start('mcpkit', { maxSessions: cap })
  try {
    const statuses: Record<string, number> = {}
    await startSessions(server, {
      count: sessions,
      concurrency: plan.concurrency,
      keepIds: false,
      statuses,
    })
    const heldAfter = await server.sessions()
    const alive = server.alive
    const good = Object.keys(statuses).every((status) => status === '200' || status === '503')
    return {
      cap,
      attempted: sessions,
      statuses,
      heldAfter,
      alive,
      passed: alive && good && heldAfter <= cap,
    }
  } finally {
    await server.stop()
  }
}

/** Heap growth over `calls` tool calls on one session (JSON responses), in a fresh child. */
async function measureGrowth(
  kind: ServerKind,
  calls: number,
  plan: SessionPlan,
): Promise<GrowthResult> {
  const server = await ServerProcess.start(kind)
  try {
    const id = await openSession(server.port, 'json')
    const shape = requestShape('legacy-json', id)
    const run = (count: number) =>
      runLoad(
        {
          port: server.port,
          request: (_, seq) =>
            httpRequest(server.port, { headers: shape.headers, body: shape.body(seq) }),
          expectStatus: 200,
          expectBody: Buffer.from(shape.expect),
        },
        {
          connections: plan.concurrency,
          warmupMs: 0,
          window: { requests: count },
          timeoutMs: 300_000,
        },
      )
    await run(Math.min(5_000, calls))
    const before = await server.memory()
    const result = await run(calls)
    const after = await server.memory()
    const growth = after.heapUsed - before.heapUsed
    return {
      server: kind,
      calls: result.requests,
      heapGrowthBytes: growth,
      bytesPerCall: round(growth / Math.max(1, result.requests), 1),
      errors: result.errors,
    }
  } finally {
    await server.stop()
  }
}

/** Every session measurement. */
export async function measureSessions(plan: SessionPlan): Promise<{
  sessions: SessionResult[]
  cap: CapResult
  growth: GrowthResult[]
}> {
  const initTimes = await timeInitializations(plan)
  const sessions: SessionResult[] = []
  for (const kind of plan.servers) {
    sessions.push(await measureServerSessions(kind, plan, initTimes.get(kind) ?? []))
  }
  const cap = await checkCap(plan)
  plan.log(`sessions: cap check ${JSON.stringify(cap.statuses)}`)
  const growth: GrowthResult[] = []
  for (const [kind, calls] of Object.entries(plan.callsOnOneSession)) {
    growth.push(await measureGrowth(kind as ServerKind, calls, plan))
    plan.log(`sessions: ${kind} growth over ${calls} calls measured`)
  }
  return { sessions, cap, growth }
}
