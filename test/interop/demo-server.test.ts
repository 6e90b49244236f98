// `npm start` runs examples/demo-server: start it as a child process on a free port, wait for the
// URL it prints, talk to it over real HTTP in both eras, then SIGTERM it and expect a clean exit.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { afterEach, expect, test } from 'vitest'
import { inheritedEnvironment, REPO_ROOT } from './support.ts'

let child: ChildProcess | undefined

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL')
  child = undefined
})

async function freePort(): Promise<number> {
  const probe = createServer()
  probe.listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  await once(probe, 'close')
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Resolves with the URL once the child printed it; rejects if the child exits first. */
function printedUrl(process: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString())
      const match = /listening on (http:\/\/\S+)/.exec(output.join(''))
      if (match?.[1] !== undefined) resolve(match[1])
    }
    process.stdout?.on('data', onData)
    process.once('exit', (code) =>
      reject(new Error(`the demo exited early (${code}): ${output.join('')}`)),
    )
  })
}

interface Answer {
  status: number
  sessionId: string | null
  message: { id?: number; result?: Record<string, unknown>; error?: unknown } | undefined
}

/** POSTs one JSON-RPC message; reads a JSON or SSE answer (the last `data:` line of SSE). */
async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  const sse = response.headers.get('content-type')?.startsWith('text/event-stream') === true
  const payload = sse
    ? text
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .at(-1)
    : text
  return {
    status: response.status,
    sessionId: response.headers.get('mcp-session-id'),
    message: payload ? JSON.parse(payload) : undefined,
  }
}

test('the npm start demo serves both eras on /mcp and exits 0 on SIGTERM', {
  timeout: 30_000,
}, async () => {
  const port = await freePort()
  child = spawn(process.execPath, ['--import', 'tsx', 'examples/demo-server/index.ts'], {
    cwd: REPO_ROOT,
    env: { ...inheritedEnvironment(), PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const errors: string[] = []
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()))
  const url = await printedUrl(child, output)
  expect(url).toBe(`http://127.0.0.1:${port}/mcp`)

  const init = await post(url, {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'demo-test', version: '1.0.0' },
    },
  })
  expect(init.status).toBe(200)
  expect(init.message?.result).toMatchObject({
    protocolVersion: '2025-11-25',
    serverInfo: { name: 'mcpkit-demo' },
  })
  const session = { 'mcp-session-id': init.sessionId ?? '', 'mcp-protocol-version': '2025-11-25' }
  const initialized = await post(
    url,
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    session,
  )
  expect(initialized.status).toBe(202)
  const tools = await post(url, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, session)
  const names = (tools.message?.result?.tools as { name: string }[] | undefined)?.map((t) => t.name)
  expect(names).toEqual(['add_note', 'search_notes', 'delete_note', 'brew_coffee', 'roll_dice'])

  const modern = await post(
    url,
    {
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/list',
      params: {
        _meta: {
          'io.modelcontextprotocol/protocolVersion': '2026-07-28',
          'io.modelcontextprotocol/clientCapabilities': {},
        },
      },
    },
    { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' },
  )
  expect(modern.message?.result).toMatchObject({ resultType: 'complete', tools: expect.any(Array) })
  expect(modern.sessionId).toBeNull()

  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  expect(await exited).toEqual([0, null])
  expect(output.join('')).toContain('stopped')
  expect(errors.join('')).toBe('')
})
