// wrk (Debian's package) as the ceiling load generator: C, one thread, keep-alive. A generated
// Lua script sends the same requests as the Node generator (unique ids, sessions round-robin) and
// prints its summary as one JSON line. wrk's own latency histogram gives the percentiles.
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RequestShape } from '../workloads.ts'
import { ENDPOINT } from '../workloads.ts'

/** What one wrk run measured. */
export interface WrkResult {
  readonly requests: number
  readonly errors: number
  readonly elapsedMs: number
  readonly rps: number
  readonly p50Us: number
  readonly p90Us: number
  readonly p99Us: number
}

/** wrk's version line, or undefined when it is not installed. */
export function wrkVersion(): string | undefined {
  const probe = spawnSync('wrk', ['-v'], { encoding: 'utf8' })
  if (probe.error !== undefined) return undefined
  return `${probe.stdout}${probe.stderr}`.split('\n')[0]?.trim()
}

const SEQ_MARK = 987654321

function luaString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

// The body is split around the request id so Lua only concatenates.
function luaScript(shapes: readonly RequestShape[]): string {
  const first = shapes[0]
  if (first === undefined) throw new Error('wrk needs at least one request shape')
  const parts = first.body(SEQ_MARK).split(String(SEQ_MARK))
  const headerTables = shapes.map((shape) => {
    const entries = Object.entries(shape.headers).map(
      ([k, v]) => `[${luaString(k)}]=${luaString(v)}`,
    )
    return `{${entries.join(',')}}`
  })
  return `
local headers = {${headerTables.join(',\n')}}
local parts = {${parts.map(luaString).join(',')}}
local n = 0
request = function()
  n = n + 1
  local body = parts[1]
  for i = 2, #parts do body = body .. n .. parts[i] end
  return wrk.format("POST", ${luaString(ENDPOINT)}, headers[(n % #headers) + 1], body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests":%d,"duration":%d,"errors":%d,"p50":%d,"p90":%d,"p99":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
`
}

/** Runs wrk with one thread and `connections` connections for `durationMs`. */
export async function runWrk(input: {
  port: number
  shapes: readonly RequestShape[]
  connections: number
  durationMs: number
}): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mcpkit-bench-wrk-'))
  const script = join(dir, 'requests.lua')
  writeFileSync(script, luaScript(input.shapes))
  try {
    const args = [
      '-t1',
      `-c${input.connections}`,
      `-d${Math.max(1, Math.round(input.durationMs / 1000))}s`,
      '--timeout',
      '10s',
      '-s',
      script,
      `http://127.0.0.1:${input.port}${ENDPOINT}`,
    ]
    const output = await new Promise<string>((resolve, reject) => {
      execFile('wrk', args, { timeout: input.durationMs + 30_000 }, (error, stdout, stderr) => {
        if (error !== null) reject(new Error(`wrk failed: ${error.message}\n${stderr}`))
        else resolve(stdout)
      })
    })
    const line = output.split('\n').find((l) => l.startsWith('WRK_JSON '))
    if (line === undefined) throw new Error(`wrk printed no summary:\n${output}`)
    const raw = JSON.parse(line.slice('WRK_JSON '.length)) as Record<string, number>
    const elapsedMs = (raw.duration ?? 0) / 1000
    const requests = raw.requests ?? 0
    return {
      requests,
      errors: raw.errors ?? 0,
      elapsedMs,
      rps: (requests / elapsedMs) * 1000,
      p50Us: raw.p50 ?? 0,
      p90Us: raw.p90 ?? 0,
      p99Us: raw.p99 ?? 0,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
