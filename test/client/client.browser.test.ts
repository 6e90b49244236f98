import { expect, test } from 'vitest'
import { createClient } from '../../src/client/mcp-client.ts'
import { createFakeFetch, result, sse } from './support/fake-fetch.ts'

// The same client code in Chromium: negotiation, the real fetch-based transport over an injected
// fetch, SSE parsing, Mcp-* headers (btoa/TextEncoder) and an input round.
test('the client negotiates and runs a multi-round call in the browser', async () => {
  const fake = createFakeFetch(async (request) => {
    const message = await request.json()
    if (message.method === 'server/discover') {
      return result(message.id, {
        resultType: 'complete',
        ttlMs: 0,
        cacheScope: 'public',
        supportedVersions: ['2026-07-28'],
        capabilities: { tools: {} },
      })
    }
    if (message.method === 'tools/list') {
      return result(message.id, {
        resultType: 'complete',
        ttlMs: 0,
        cacheScope: 'public',
        tools: [
          {
            name: 'greet',
            inputSchema: {
              type: 'object',
              properties: { who: { type: 'string', 'x-mcp-header': 'Who' } },
            },
          },
        ],
      })
    }
    const stream = sse()
    if (message.params.inputResponses === undefined) {
      stream.send({
        jsonrpc: '2.0',
        id: message.id,
        result: {
          resultType: 'input_required',
          inputRequests: {
            name: {
              method: 'elicitation/create',
              params: { message: 'Name?', requestedSchema: { type: 'object', properties: {} } },
            },
          },
        },
      })
    } else {
      const who = request.headers.get('mcp-param-who')
      stream.send({
        jsonrpc: '2.0',
        id: message.id,
        result: { resultType: 'complete', content: [{ type: 'text', text: String(who) }] },
      })
    }
    stream.close()
    return stream.response
  })
  const client = createClient({
    url: 'http://mcp.test/mcp',
    fetch: fake.fetch,
    eraCache: false,
    handlers: { elicitation: () => ({ action: 'accept', content: {} }) },
  })
  const outcome = await client.callTool({ name: 'greet', arguments: { who: 'Zoë' } })
  expect(outcome.content[0]).toEqual({ type: 'text', text: '=?base64?Wm/Dqw==?=' })
  expect(client.session).toMatchObject({ era: 'modern', transport: 'streamable-http' })
  await client.close()
})
