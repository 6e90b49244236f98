// The dispatcher runs on web standards only: a multi round-trip request, HMAC-signed requestState
// included, works the same in Chromium.
import { expect, test } from 'vitest'
import { call, expectValidResult, MODERN, protocolError } from './harness.ts'
import { mrtrServer } from './mrtr-server.ts'

test('a multi round-trip request completes in the browser; a tampered state is refused', async () => {
  const server = mrtrServer()
  const name = 'test_input_required_result_elicitation'
  const first = await call(server, { method: 'tools/call', params: { name, arguments: {} } })
  expect(expectValidResult(MODERN, 'tools/call', first).resultType).toBe('input_required')
  const inputResponses = { user_name: { action: 'accept', content: { name: 'Browser' } } }
  const retry = { name, arguments: {}, inputResponses, requestState: first.requestState }
  const second = await call(server, { method: 'tools/call', params: retry })
  expect(second.content).toEqual([{ type: 'text', text: 'Hello, Browser!' }])
  const tampered = { ...retry, requestState: `${String(first.requestState)}-TAMPERED` }
  const error = await protocolError(call(server, { method: 'tools/call', params: tampered }))
  expect(error.code).toBe(-32602)
})
