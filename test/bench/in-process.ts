// Not part of the bench: `node --import tsx test/bench/in-process.ts <legacy-json|legacy-sse|modern> [requests]`
// measures what mcpkit itself spends per request, without sockets or a load generator: the built
// server (dist/, run `npm run build` first) answers the bench's tools/call through `handleBuffered`,
// 16 requests at a time, one event-loop turn per round (as requests arriving on 16 sockets would).
// Env: `REPLAY=0` for `eventStore: false` on legacy-sse. What the socket path adds on top (node's
// HTTP parser, writev, waking the client) is what `npm run bench` sees beside it.
import type { BufferedAnswer, BufferedRequest } from '../../src/core/buffered-exchange.ts'
import type { BodySink } from '../../src/core/sse/writer.ts'
import { TOOL } from './servers/server-handle.ts'
import {
  initializeBody,
  initializeHeaders,
  requestShape,
  WORKLOADS,
  type WorkloadName,
} from './workloads.ts'

const workload = (process.argv[2] ?? 'legacy-json') as WorkloadName
const requests = Number(process.argv[3] ?? 200_000)
const CONCURRENCY = 16
if (!WORKLOADS.includes(workload) || !(requests > 0)) {
  console.error(`usage: in-process.ts <${WORKLOADS.join('|')}> [requests]`)
  process.exit(2)
}

// The built package, as the bench's server children load it.
const { createServer } = (await import(
  new URL('../../dist/server/index.js', import.meta.url).href
)) as typeof import('../../src/server/index.ts')
const { z } = await import('zod')

const server = createServer({
  name: 'bench-in-process',
  version: '1.0.0',
  config: { maxClients: 1_000_000 },
  ...(process.env.REPLAY === '0' ? { eventStore: false as const } : {}),
})
const input = z.object({ text: z.string() })
server.tool(TOOL.echo, { inputSchema: input }, ({ text }) => text)
server.tool(TOOL.echoProgress, { inputSchema: input }, async ({ text }, ctx) => {
  await ctx.progress(1, 1)
  return text
})

const encoder = new TextEncoder()
const signal = new AbortController().signal

// The workload's request as node's adapter would hand it over (with the Host a client sends).
function request(headers: Readonly<Record<string, string>>, body: string): BufferedRequest {
  const lookup = new Map(Object.entries({ ...headers, host: '127.0.0.1' }))
  return {
    method: 'POST',
    url: 'http://127.0.0.1/mcp',
    headers: { get: (name: string) => lookup.get(name) ?? null },
    signal,
    bodyBytes: encoder.encode(body),
  }
}

const initialized = await server.handleBuffered(
  request(initializeHeaders('json'), initializeBody(0)),
)
const sessionId = 'headerFields' in initialized ? initialized.headerFields['mcp-session-id'] : null
if (typeof sessionId !== 'string') throw new Error('initialize gave no session id')
const shape = requestShape(workload, sessionId)

let bytes = 0
let errors = 0

// Reads an answer to its end, as an adapter would: a streaming one through a sink.
function consume(answer: BufferedAnswer): Promise<void> {
  if (answer instanceof Response) {
    return answer.text().then((text) => {
      bytes += text.length
    })
  }
  if (answer.status !== 200) errors++
  if (!('connect' in answer)) {
    bytes += answer.content?.length ?? 0
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    const sink: BodySink = {
      write: (chunk) => {
        bytes += chunk.length
        return true
      },
      end: resolve,
      queued: () => 0,
    }
    answer.connect(sink)
  })
}

async function one(id: number): Promise<void> {
  await consume(await server.handleBuffered(request(shape.headers, shape.body(id))))
}

let next = 1
async function run(count: number): Promise<void> {
  const end = next + count
  while (next < end) {
    const round: Promise<void>[] = []
    for (let i = 0; i < CONCURRENCY && next < end; i++) round.push(one(next++))
    await Promise.all(round)
    // The next round starts in a new event-loop turn, as socket reads would.
    await new Promise((resolve) => setImmediate(resolve))
  }
}

await run(Math.min(20_000, requests))
const started = process.hrtime.bigint()
const cpu = process.cpuUsage()
await run(requests)
const wallUs = Number(process.hrtime.bigint() - started) / 1000
const used = process.cpuUsage(cpu)
console.log(
  `${workload}${process.env.REPLAY === '0' ? ' (eventStore: false)' : ''}: ${(wallUs / requests).toFixed(2)} µs wall, ${((used.user + used.system) / requests).toFixed(2)} µs CPU per request; ${errors} errors, ${(bytes / requests).toFixed(0)} bytes answered per request`,
)
await server.close()
