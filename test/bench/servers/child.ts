// A benchmarked server in its own process: starts the server of the kind named in argv, then
// answers the parent over IPC with its own CPU time, memory (after forced GC) and session count.
// Run with --expose-gc. Exits when the parent says so or goes away.
import { getHeapStatistics } from 'node:v8'
import { startBare } from './bare-server.ts'
import { startMcpkit } from './mcpkit-server.ts'
import { startSdkV1 } from './sdk-v1-server.ts'
import { startSdkV2Stateful, startSdkV2Stateless } from './sdk-v2-server.ts'
import type { ServerHandle, ServerKind, StartOptions } from './server-handle.ts'

/** A question from the parent. */
export type ChildRequest = {
  readonly seq: number
  readonly op: 'cpu' | 'mem' | 'sessions' | 'fill' | 'exit'
  readonly count?: number
}

/** Memory after forced GC, in bytes. */
export interface MemorySample {
  readonly heapUsed: number
  readonly rss: number
  readonly external: number
  readonly heapLimit: number
}

const STARTERS: Record<ServerKind, (options: StartOptions) => Promise<ServerHandle>> = {
  mcpkit: startMcpkit,
  // The same server with `eventStore: false`: SSE replies do what the SDKs' and bare's do.
  'mcpkit-no-replay': (options) => startMcpkit({ ...options, replay: false }),
  'sdk-v1': startSdkV1,
  'sdk-v2-stateful': startSdkV2Stateful,
  'sdk-v2-stateless': startSdkV2Stateless,
  bare: startBare,
}

function collect(): MemorySample {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('the bench child needs --expose-gc')
  for (let i = 0; i < 3; i++) gc()
  const usage = process.memoryUsage()
  return {
    heapUsed: usage.heapUsed,
    rss: usage.rss,
    external: usage.external,
    heapLimit: getHeapStatistics().heap_size_limit,
  }
}

async function answer(handle: ServerHandle, request: ChildRequest): Promise<unknown> {
  switch (request.op) {
    case 'cpu': {
      const { user, system } = process.cpuUsage()
      return { cpuMicros: user + system, userMicros: user }
    }
    case 'mem':
      return collect()
    case 'sessions':
      return { sessions: handle.sessions() }
    case 'fill': {
      if (handle.fill === undefined) throw new Error('this server cannot fill sessions in-process')
      return { ms: await handle.fill(request.count ?? 0) }
    }
    case 'exit':
      setImmediate(() => process.exit(0))
      return {}
  }
}

const kind = process.argv[2] as ServerKind
const starter = STARTERS[kind]
if (starter === undefined || process.send === undefined) {
  throw new Error(`usage: fork child.ts <${Object.keys(STARTERS).join('|')}> [maxSessions]`)
}
const handle = await starter({ maxSessions: Number(process.argv[3] ?? 100_000) })
process.on('message', (request: ChildRequest) => {
  answer(handle, request).then(
    (value) => process.send?.({ seq: request.seq, ...(value as object) }),
    (error: unknown) => process.send?.({ seq: request.seq, error: String(error) }),
  )
})
process.on('disconnect', () => process.exit(0))
process.send({ seq: 0, port: handle.port })
