// spawnStdioServer against real child processes: plain Node scripts that speak line-delimited JSON.
import { mkdtempSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import type { InboundFrame } from '../../src/core/connection.ts'
import { ErrorCode } from '../../src/core/errors/codes.ts'
import { isConfigError, isTransportError } from '../../src/core/errors/guards.ts'
import { createJsonRpcEngine } from '../../src/core/protocol/engine.ts'
import {
  type SpawnStdioServerOptions,
  type StdioServerProcess,
  spawnStdioServer,
} from '../../src/node/stdio-client.ts'

// Answers `echo`, `env` and `cwd`; `die` writes its answer, logs, and exits 3. Exits on stdin EOF
// unless told to ignore it (IGNORE_EOF) and SIGTERM (IGNORE_TERM).
const SERVER = `
const readline = require('node:readline')
if (process.env.IGNORE_TERM) process.on('SIGTERM', () => process.stderr.write('ignoring SIGTERM\\n'))
if (process.env.IGNORE_EOF) setInterval(() => {}, 1000)
process.stderr.write('server started\\n')
const lines = readline.createInterface({ input: process.stdin })
const send = (message) => process.stdout.write(JSON.stringify(message) + '\\n')
lines.on('line', (line) => {
  const { id, method, params } = JSON.parse(line)
  if (method === 'echo') send({ jsonrpc: '2.0', id, result: params })
  if (method === 'env') send({ jsonrpc: '2.0', id, result: { secret: process.env.MCPKIT_SECRET ?? null, extra: process.env.EXTRA ?? null, path: Boolean(process.env.PATH) } })
  if (method === 'cwd') send({ jsonrpc: '2.0', id, result: process.cwd() })
  if (method === 'die') {
    send({ jsonrpc: '2.0', id, result: 'bye' })
    process.stderr.write('fatal: something broke\\n')
    process.exit(3)
  }
})
`

const running: StdioServerProcess[] = []
afterEach(async () => {
  for (const server of running.splice(0)) await server.close()
})

async function start(options: Partial<SpawnStdioServerOptions> = {}): Promise<StdioServerProcess> {
  const server = await spawnStdioServer({
    command: process.execPath,
    args: ['-e', SERVER],
    stderr: 'pipe',
    ...options,
  })
  running.push(server)
  return server
}

describe('spawnStdioServer', () => {
  test('a JSON-RPC engine runs over the pipes; stderr is captured, not an error', async () => {
    const logs: string[] = []
    const server = await start({ onStderr: (text) => void logs.push(text) })
    const engine = createJsonRpcEngine({ connection: server.connection })
    await expect(engine.request('echo', { text: 'héllo 😀' })).resolves.toEqual({
      text: 'héllo 😀',
    })
    expect(server.pid).toBeTypeOf('number')
    await expect.poll(() => logs.join('')).toContain('server started')
    expect(server.stderrTail).toContain('server started')
    expect(server.connection.signal.aborted).toBe(false)
  })

  test('close ends stdin and the server exits on its own', async () => {
    const server = await start()
    await expect(server.close()).resolves.toEqual({ code: 0, signal: null })
    expect(server.connection.signal.aborted).toBe(true)
  })

  test('a server that ignores EOF gets SIGTERM', async () => {
    const server = await start({ env: { IGNORE_EOF: '1' }, closeTimeoutMs: 100 })
    await expect(server.close()).resolves.toEqual({ code: null, signal: 'SIGTERM' })
  })

  test('a server that ignores EOF and SIGTERM gets SIGKILL', async () => {
    const server = await start({
      env: { IGNORE_EOF: '1', IGNORE_TERM: '1' },
      closeTimeoutMs: 100,
      killTimeoutMs: 100,
    })
    await expect.poll(() => server.stderrTail).toContain('server started') // handlers installed
    await expect(server.close()).resolves.toEqual({ code: null, signal: 'SIGKILL' })
  })

  test('a server that dies closes the connection with a TransportError, after its last message', async () => {
    const server = await start()
    await server.connection.send({ jsonrpc: '2.0', id: 1, method: 'die' })
    const frames: InboundFrame[] = []
    for await (const frame of server.connection) frames.push(frame)
    expect(frames).toEqual([{ type: 'text', text: '{"jsonrpc":"2.0","id":1,"result":"bye"}' }])
    const reason = server.connection.signal.reason as Error & { code: string }
    expect(isTransportError(reason)).toBe(true)
    expect(reason.code).toBe(ErrorCode.Transport)
    expect(reason.message).toMatch(/exited \(code 3\).*fatal: something broke/s)
    await expect(server.exited).resolves.toEqual({ code: 3, signal: null })
  })

  test('an engine sees pending requests fail when the server dies', async () => {
    const server = await start()
    const engine = createJsonRpcEngine({ connection: server.connection })
    void engine.request('die').catch(() => {})
    const pending = engine.request('echo', {}).catch((e: unknown) => e)
    const error = await pending
    expect(isTransportError(error)).toBe(true)
  })

  test('only a safe set of variables is inherited, plus what env adds', async () => {
    process.env.MCPKIT_SECRET = 'do-not-leak'
    try {
      const safe = await start({ env: { EXTRA: 'yes' } })
      const engine = createJsonRpcEngine({ connection: safe.connection })
      await expect(engine.request('env')).resolves.toEqual({
        secret: null,
        extra: 'yes',
        path: true,
      })
      const all = await start({ inheritEnv: 'all' })
      const allEngine = createJsonRpcEngine({ connection: all.connection })
      await expect(allEngine.request('env')).resolves.toMatchObject({ secret: 'do-not-leak' })
    } finally {
      delete process.env.MCPKIT_SECRET
    }
  })

  test('cwd is honoured', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'mcpkit-stdio-')))
    const server = await start({ cwd: dir })
    const engine = createJsonRpcEngine({ connection: server.connection })
    await expect(engine.request('cwd')).resolves.toBe(dir)
  })

  test('the signal stops the server', async () => {
    const controller = new AbortController()
    const server = await start({ signal: controller.signal })
    controller.abort()
    await expect(server.exited).resolves.toEqual({ code: 0, signal: null })
    expect(server.connection.signal.aborted).toBe(true)
  })

  test('a command that does not exist rejects with a TransportError', async () => {
    const error = await spawnStdioServer({ command: 'mcpkit-no-such-command-1234' }).catch(
      (e: unknown) => e,
    )
    expect(isTransportError(error)).toBe(true)
    expect((error as Error).message).toMatch(/ENOENT/)
  })

  test('options are validated', async () => {
    await expect(spawnStdioServer({ command: '' })).rejects.toSatisfy(isConfigError)
    await expect(
      spawnStdioServer({ command: process.execPath, closeTimeoutMs: -1 }),
    ).rejects.toSatisfy(isConfigError)
  })

  test('await using closes it', async () => {
    let exited: StdioServerProcess['exited'] | undefined
    {
      await using server = await spawnStdioServer({
        command: process.execPath,
        args: ['-e', SERVER],
      })
      exited = server.exited
    }
    await expect(exited).resolves.toEqual({ code: 0, signal: null })
  })
})
