// Two mcpkit JSON-RPC engines talking over a real child process's stdin/stdout: the parent spawns
// this same file with `--child`, which serves a few methods; the parent calls them and checks the
// answers (exit code 1 on any mismatch). Run with `npm start` (it builds first).
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import {
  createJsonRpcEngine,
  isAbortError,
  isProtocolError,
  isTimeoutError,
  ProtocolError,
  type RequestContext,
} from 'mcpkit'
import { createStdioConnection } from 'mcpkit/node'

async function serveChild(request: RequestContext): Promise<unknown> {
  switch (request.method) {
    case 'add': {
      const { a, b } = request.params as { a: number; b: number }
      return { sum: a + b }
    }
    case 'count': {
      const to = Number(request.params?.to ?? 3)
      for (let i = 1; i <= to; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        await request.reportProgress({ progress: i, total: to, message: `step ${i}` })
      }
      return { counted: to }
    }
    case 'hang':
      // Never answers; the caller's cancellation reaches this handler as an aborted signal.
      return new Promise((_, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason))
      })
    default:
      throw ProtocolError.methodNotFound(request.method)
  }
}

async function runParent(): Promise<void> {
  const file = fileURLToPath(import.meta.url)
  const child = spawn(process.execPath, ['--import', 'tsx', file, '--child'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const connection = createStdioConnection({ stdin: child.stdout, stdout: child.stdin })
  const engine = createJsonRpcEngine({ connection, defaultTimeoutMs: 5_000 })
  const checks: [string, boolean][] = []

  const sum = await engine.request('add', { a: 2, b: 3 })
  checks.push(['add 2 + 3 = 5', (sum as { sum: number }).sum === 5])

  const steps: string[] = []
  await engine.request('count', { to: 3 }, { onProgress: (p) => steps.push(p.message ?? '') })
  checks.push([`progress arrived: ${steps.join(', ')}`, steps.length === 3])

  const missing = await engine.request('nope').catch((error: unknown) => error)
  checks.push(['unknown method → -32601', isProtocolError(missing) && missing.code === -32601])

  const timedOut = await engine.request('hang', {}, { timeoutMs: 100 }).catch((e: unknown) => e)
  checks.push(['hang times out after 100 ms', isTimeoutError(timedOut)])

  const controller = new AbortController()
  setTimeout(() => controller.abort('changed my mind'), 50)
  const aborted = await engine
    .request('hang', {}, { signal: controller.signal })
    .catch((e: unknown) => e)
  checks.push(['hang cancelled by AbortSignal', isAbortError(aborted)])

  await engine.close()
  child.stdin.end()
  for (const [label, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`)
  if (checks.some(([, ok]) => !ok)) process.exit(1)
  console.log('mcpkit JSON-RPC over stdio: all checks passed')
}

if (process.argv.includes('--child')) {
  const engine = createJsonRpcEngine({ connection: createStdioConnection(), onRequest: serveChild })
  await engine.closed // ends when the parent closes stdin
} else {
  await runParent()
}
