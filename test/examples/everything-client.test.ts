import { describe, expect, test } from 'vitest'
import { fixtureClient } from '../../examples/everything-client/connect.ts'
import { acceptDefaults } from '../../examples/everything-client/input-scenarios.ts'

// The conformance client fixture's own logic (the full conformance run is
// `npm run conformance:client`): which lifecycle it speaks for each revision the suite names, and
// the SEP-1034 form answer.

const ENDPOINT = 'http://127.0.0.1:9/mcp'

interface Sent {
  readonly method: string
  readonly body: { method?: string; params?: { protocolVersion?: string } } | undefined
  readonly headers: Headers
}

/** A fetch that records requests and answers each JSON-RPC method from `results`. */
function fakeServer(results: Record<string, unknown>) {
  const sent: Sent[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const text = await request.text()
    const body = text === '' ? undefined : JSON.parse(text)
    sent.push({ method: request.method, body, headers: request.headers })
    if (request.method !== 'POST') return new Response(null, { status: 405 })
    if (body.id === undefined) return new Response(null, { status: 202 })
    const result = results[body.method]
    const reply =
      result === undefined
        ? { jsonrpc: '2.0', id: body.id, error: { code: -32601, message: 'Method not found' } }
        : { jsonrpc: '2.0', id: body.id, result }
    return Response.json(reply, { headers: { 'mcp-session-id': 'session-1' } })
  }
  const methods = () => sent.flatMap((entry) => (entry.body?.method ? [entry.body.method] : []))
  return { fetch, sent, methods }
}

describe('examples/everything-client', () => {
  test('2026-07-28: modern from the first request, without a server/discover probe', async () => {
    const server = fakeServer({
      'tools/list': { resultType: 'complete', ttlMs: 0, cacheScope: 'private', tools: [] },
    })
    const client = fixtureClient(ENDPOINT, '2026-07-28', { fetch: server.fetch })
    await client.listTools()
    await client.close()
    expect(server.methods()).toEqual(['tools/list'])
    const [first] = server.sent
    expect(first?.headers.get('mcp-protocol-version')).toBe('2026-07-28')
    expect(client.session?.era).toBe('modern')
  })

  test('2025-11-25: initialize first, accepting the older revision the server answers', async () => {
    const server = fakeServer({
      initialize: {
        protocolVersion: '2025-03-26',
        capabilities: { tools: {} },
        serverInfo: { name: 'mock', version: '1.0.0' },
      },
      'tools/list': { tools: [] },
    })
    const client = fixtureClient(ENDPOINT, '2025-11-25', { fetch: server.fetch })
    await client.listTools()
    expect(client.session).toMatchObject({ era: 'legacy', protocolVersion: '2025-03-26' })
    await client.close()
    const methods = server.methods()
    expect(methods.slice(0, 2)).toEqual(['initialize', 'notifications/initialized'])
    expect(methods).toContain('tools/list')
    expect(methods).not.toContain('server/discover')
    expect(server.sent[0]?.body?.params?.protocolVersion).toBe('2025-11-25')
  })

  test('without a revision the client negotiates, probing with server/discover', async () => {
    const server = fakeServer({
      'server/discover': {
        resultType: 'complete',
        ttlMs: 0,
        cacheScope: 'private',
        supportedVersions: ['2026-07-28'],
        capabilities: { tools: {} },
      },
      'tools/list': { resultType: 'complete', ttlMs: 0, cacheScope: 'private', tools: [] },
    })
    // Another endpoint, so nothing the shared era cache remembers applies.
    const client = fixtureClient('http://127.0.0.1:9/negotiated', undefined, {
      fetch: server.fetch,
    })
    await client.listTools()
    await client.close()
    expect(server.methods()).toEqual(['server/discover', 'tools/list'])
  })

  test('accepts an elicitation form with the defaults its schema declares (SEP-1034)', () => {
    const answer = acceptDefaults({
      message: 'accept with defaults',
      requestedSchema: {
        type: 'object',
        properties: {
          name: { type: 'string', default: 'John Doe' },
          age: { type: 'integer', default: 30 },
          score: { type: 'number', default: 95.5 },
          status: { type: 'string', enum: ['active', 'inactive'], default: 'active' },
          verified: { type: 'boolean', default: true },
          tags: { type: 'array', items: { type: 'string' }, default: ['a', 'b'] },
          note: { type: 'string' },
        },
      },
    })
    expect(answer).toEqual({
      action: 'accept',
      content: {
        name: 'John Doe',
        age: 30,
        score: 95.5,
        status: 'active',
        verified: true,
        tags: ['a', 'b'],
      },
    })
  })
})
