// Cold start: a new node process that loads one server (mcpkit from dist/, the SDKs from
// node_modules), listens, and answers its first request (initialize). Timed from spawn by the parent;
// the child also reports when its imports were done (its module body starts after them). Each kind
// runs from its own bundle-free entry, so it loads only its own library.
import { spawn } from 'node:child_process'
import { buildGenerated } from './build-children.ts'
import type { ServerKind } from './servers/server-handle.ts'
import { median, round } from './stats.ts'
import { initializeBody, initializeHeaders } from './workloads.ts'

/** One kind's cold start, medians over the runs. */
export interface ColdStartResult {
  readonly server: ColdKind
  readonly runs: number
  /** Process start until the imports were evaluated (node's own start-up included). */
  readonly importMs: number
  /** Spawn until the server listened. */
  readonly listenMs: number
  /** Spawn until the first request was answered. */
  readonly firstAnswerMs: number
  readonly error: string | undefined
}

/** Cold start measures each library once: mcpkit without replay starts the same code. */
export type ColdKind = Exclude<ServerKind, 'mcpkit-no-replay'>

const STARTERS: Record<ColdKind, { module: string; name: string }> = {
  mcpkit: { module: './servers/mcpkit-server.ts', name: 'startMcpkit' },
  'sdk-v1': { module: './servers/sdk-v1-server.ts', name: 'startSdkV1' },
  'sdk-v2-stateful': { module: './servers/sdk-v2-server.ts', name: 'startSdkV2Stateful' },
  'sdk-v2-stateless': { module: './servers/sdk-v2-server.ts', name: 'startSdkV2Stateless' },
  bare: { module: './servers/bare-server.ts', name: 'startBare' },
}

function entrySource(kind: ColdKind): string {
  const { module, name } = STARTERS[kind]
  return `import { ${name} as start } from '${module}'
const imported = performance.now()
const handle = await start({ maxSessions: 1000 })
process.stdout.write('READY ' + JSON.stringify({ port: handle.port, importMs: imported }) + '\\n')
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
`
}

async function once(
  entry: string,
): Promise<{ importMs: number; listenMs: number; firstAnswerMs: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, [entry], { stdio: ['pipe', 'pipe', 'inherit'] })
  try {
    const ready = await new Promise<{ port: number; importMs: number }>((resolve, reject) => {
      let out = ''
      const timer = setTimeout(() => reject(new Error('no READY within 30 s')), 30_000)
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk
        const line = out.split('\n').find((l) => l.startsWith('READY '))
        if (line === undefined) return
        clearTimeout(timer)
        resolve(JSON.parse(line.slice(6)))
      })
      child.once('exit', (code) => reject(new Error(`exited with code ${code}`)))
    })
    const listenMs = performance.now() - started
    const response = await fetch(`http://127.0.0.1:${ready.port}/mcp`, {
      method: 'POST',
      headers: initializeHeaders('json'),
      body: initializeBody(1),
    })
    const text = await response.text()
    if (!response.ok || !text.includes('"result"')) {
      throw new Error(`first answer: ${response.status} ${text.slice(0, 200)}`)
    }
    return { importMs: ready.importMs, listenMs, firstAnswerMs: performance.now() - started }
  } finally {
    child.stdin.end()
    child.kill()
  }
}

/** Cold starts of each kind, `runs` times, interleaved. */
export async function measureColdStarts(
  kinds: readonly ColdKind[],
  runs: number,
): Promise<ColdStartResult[]> {
  const entries = new Map<ColdKind, string>()
  for (const kind of kinds)
    entries.set(kind, await buildGenerated(`cold-${kind}`, entrySource(kind)))
  const samples = new Map<
    ColdKind,
    { importMs: number; listenMs: number; firstAnswerMs: number }[]
  >()
  const errors = new Map<ColdKind, string>()
  for (let run = 0; run < runs; run++) {
    for (const kind of kinds) {
      try {
        const sample = await once(entries.get(kind) as string)
        samples.set(kind, [...(samples.get(kind) ?? []), sample])
      } catch (error) {
        errors.set(kind, String(error))
      }
    }
  }
  return kinds.map((kind) => {
    const list = samples.get(kind) ?? []
    return {
      server: kind,
      runs: list.length,
      importMs: round(median(list.map((s) => s.importMs)), 1),
      listenMs: round(median(list.map((s) => s.listenMs)), 1),
      firstAnswerMs: round(median(list.map((s) => s.firstAnswerMs)), 1),
      error: errors.get(kind),
    }
  })
}
