import { expect, test } from 'vitest'
// The BUILT entries, as an app's bundler would load them (run `npm run build` first).
import * as client from '../../dist/client/index.js'
import * as root from '../../dist/index.js'

test('the built client entry loads and works in Chromium', () => {
  expect(typeof navigator.userAgent).toBe('string')
  const modern = client.classifyProbeResponse({
    status: 404,
    body: { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } },
  })
  expect(modern.era).toBe('modern')
  expect(client.pickProtocolVersion({ offered: ['2025-11-25', '2026-07-28'] })).toBe('2026-07-28')
})

test('the built root entry runs an engine round trip in Chromium', async () => {
  const [left, right] = root.createInMemoryPair({ encoding: 'text' })
  root.createJsonRpcEngine({ connection: right, onRequest: () => ({ ok: true }) })
  const engine = root.createJsonRpcEngine({ connection: left })
  await expect(engine.request('anything')).resolves.toEqual({ ok: true })
  await engine.close()
})
