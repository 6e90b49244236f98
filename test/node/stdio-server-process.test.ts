// The stdio server as a real process (examples/stdio-server): stdin piped in at once, as
// `printf … | node server.js` would. Every answer arrives, stdout holds nothing but JSON-RPC
// messages, diagnostics go to stderr, and the process exits 0 at the end of input.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const EXAMPLE = fileURLToPath(new URL('../../examples/stdio-server/index.ts', import.meta.url))
const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
}

test('answers what it read, writes only MCP to stdout, logs to stderr, exits 0 on EOF', {
  timeout: 30_000,
}, async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', EXAMPLE], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const lines = [
    JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: META } }),
    'this is not json',
    JSON.stringify({
      jsonrpc: '2.0',
      id: 2,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 't', version: '1' },
      },
    }),
    JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    JSON.stringify({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'countdown', arguments: { from: 2 }, _meta: { progressToken: 'c' } },
    }),
  ]
  child.stdin.end(`${lines.join('\n')}\n`)
  const [code] = await once(child, 'exit')
  expect(code).toBe(0)

  const messages = stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
  for (const message of messages) expect(message.jsonrpc).toBe('2.0')
  expect(messages.find((m) => m.id === 1)?.result).toMatchObject({ resultType: 'complete' })
  expect(messages.find((m) => m.id === undefined && 'error' in m)?.error).toMatchObject({
    code: -32700,
  })
  expect(messages.find((m) => m.id === 2)?.result).toMatchObject({ protocolVersion: '2025-06-18' })
  expect(messages.filter((m) => m.method === 'notifications/progress')).toHaveLength(2)
  expect(messages.filter((m) => m.method === 'notifications/message')).toHaveLength(2)
  expect(messages.find((m) => m.id === 3)?.result).toEqual({
    content: [{ type: 'text', text: 'Lift-off!' }],
  })
  expect(stderr).toContain('mcpkit stdio example: ready')
  expect(stderr).toContain('refused a message (parse-error)')
  expect(stderr).toContain('mcpkit stdio example: stopped')
  expect(stderr).not.toContain('SIGTERM')
})
