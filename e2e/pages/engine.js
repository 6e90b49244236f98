// Loads the BUILT package (dist/) the way an app would, and runs two JSON-RPC engines against each
// other over the in-memory pair in text mode, so every message is really serialised and parsed.

import { classifyProbeResponse } from '/dist/client/index.js'
import {
  createInMemoryPair,
  createJsonRpcEngine,
  isProtocolError,
  isTimeoutError,
  ProtocolError,
  validate,
} from '/dist/index.js'

const log = (line) => {
  document.getElementById('log').textContent += `${line}\n`
}

async function main() {
  const [left, right] = createInMemoryPair({ encoding: 'text' })
  createJsonRpcEngine({
    connection: right,
    onRequest: async (request) => {
      if (request.method === 'echo') return { echoed: request.params?.text }
      if (request.method === 'slow') {
        await request.reportProgress({ progress: 1, total: 2 })
        return new Promise(() => {})
      }
      throw ProtocolError.methodNotFound(request.method)
    },
  })
  const client = createJsonRpcEngine({ connection: left })

  const echoed = await client.request('echo', { text: 'hello from Chromium' })
  log(`echo: ${echoed.echoed}`)

  const missing = await client.request('nope').catch((error) => error)
  log(`unknown method: ${isProtocolError(missing) ? missing.code : 'not a protocol error'}`)

  const progress = []
  const slow = await client
    .request('slow', {}, { timeoutMs: 200, onProgress: (p) => progress.push(p.progress) })
    .catch((error) => error)
  log(
    `slow: ${isTimeoutError(slow) ? 'timed out' : 'did not time out'} after progress ${progress.join(',')}`,
  )

  const checked = validate('2026-07-28', 'CallToolRequest', { method: 'tools/call', params: {} })
  log(
    `invalid tools/call rejected at: ${checked.ok ? 'nothing' : checked.issues[0].path.join('.')}`,
  )

  const era = classifyProbeResponse({
    status: 400,
    body: {
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32022, message: 'x', data: { supported: ['2026-07-28'] } },
    },
  })
  log(`probe: ${era.era}`)
  await client.close()
  document.getElementById('status').textContent = 'done'
}

main().catch((error) => {
  log(`error: ${error?.stack ?? error}`)
  document.getElementById('status').textContent = 'failed'
})
