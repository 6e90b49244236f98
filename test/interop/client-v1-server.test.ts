// The mcpkit client against the official SDK v1 server (`@modelcontextprotocol/sdk` 1.32.2, legacy
// only) over real loopback HTTP: Streamable HTTP with sessions (negotiated: the modern probe is
// refused, so the client falls back to `initialize`), and the 2024-11-05 HTTP+SSE server transport.
import { isAbortError } from 'mcpkit'
import { afterEach, describe, expect, test } from 'vitest'
import {
  checkCatalog,
  checkInput,
  checkTools,
  closeClients,
  eventTypes,
  openClient,
} from './client-checks.ts'
import type { PeerHooks } from './client-peer-data.ts'
import { startV1HttpPeer, type V1HttpPeer } from './client-v1-peer.ts'

let peer: V1HttpPeer | undefined

afterEach(async () => {
  await closeClients()
  await peer?.close()
  peer = undefined
})

async function start(hooks: PeerHooks = {}): Promise<V1HttpPeer> {
  peer = await startV1HttpPeer({ hooks })
  return peer
}

describe('mcpkit client ↔ official SDK v1 server, Streamable HTTP', { timeout: 20_000 }, () => {
  test('negotiates the legacy era, then tools, progress, resources, prompts, completion', async () => {
    const { url, sessions } = await start()
    const { client, events } = openClient({ url })
    const session = await client.connect()
    expect(session).toMatchObject({
      era: 'legacy',
      protocolVersion: '2025-11-25',
      transport: 'streamable-http',
      source: 'initialize',
      serverInfo: { name: 'official-v1-peer', version: '1.32.2' },
    })
    expect(session.sessionId).toMatch(/^[0-9a-f-]{36}$/)
    expect(sessions.size).toBe(1)
    expect(events).toContainEqual({ type: 'negotiation:fallback', from: 'modern', to: 'legacy' })
    await checkTools(client)
    await checkCatalog(client)
  })

  test('elicitation and sampling as server→client requests on the call stream', async () => {
    const { url } = await start()
    const { client } = openClient({ url })
    await checkInput(client)
  })

  test('close() ends the session with DELETE', async () => {
    const { url, sessions } = await start()
    const { client, events } = openClient({ url })
    const { sessionId } = await client.connect()
    expect(sessions.has(sessionId ?? '')).toBe(true)
    await client.close()
    expect(sessions.size).toBe(0)
    expect(eventTypes(events).slice(-2)).toEqual(['session:closed', 'client:closed'])
  })

  test('cancelling a call sends notifications/cancelled and the server aborts it', async () => {
    let cancelled = 0
    const { url } = await start({ onCancelled: () => (cancelled += 1) })
    const { client } = openClient({ url })
    const controller = new AbortController()
    const call = client.callTool(
      { name: 'wait' },
      { signal: controller.signal, onProgress: () => controller.abort() },
    )
    await expect(call).rejects.toSatisfy(isAbortError)
    await expect.poll(() => cancelled).toBe(1)
  })

  test('a session the server lost (404) is re-initialized and the call retried', async () => {
    const { url, forgetSessions } = await start()
    const { client, events } = openClient({ url })
    const { sessionId: first } = await client.connect()
    forgetSessions()
    const sum = await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } })
    expect(sum.structuredContent).toEqual({ sum: 3 })
    expect(client.session?.sessionId).toMatch(/^[0-9a-f-]{36}$/)
    expect(client.session?.sessionId).not.toBe(first)
    expect(events).toContainEqual({ type: 'session:expired', sessionId: first })
    expect(events).toContainEqual({
      type: 'request:retried',
      method: 'tools/call',
      reason: 'session-expired',
    })
  })

  test('a stream the server closes mid-call is resumed with Last-Event-ID', async () => {
    const { url } = await start()
    const { client, events } = openClient({ url })
    const progress: number[] = []
    const result = await client.callTool(
      { name: 'poll', arguments: { steps: 3 } },
      { onProgress: (p) => progress.push(p.progress) },
    )
    expect(result.content).toEqual([{ type: 'text', text: 'polled 3' }])
    expect(progress).toEqual([0, 1, 2, 3])
    const transport = events.flatMap((event) => (event.type === 'transport' ? [event.event] : []))
    expect(transport).toContainEqual(
      expect.objectContaining({ type: 'reconnect:resumed', stream: 'post' }),
    )
    // The session survives: a later call works as before.
    const sum = await client.callTool({ name: 'add', arguments: { a: 1, b: 1 } })
    expect(sum.structuredContent).toEqual({ sum: 2 })
  })
})

describe('mcpkit client ↔ official SDK v1 server, HTTP+SSE (2024-11-05)', {
  timeout: 20_000,
}, () => {
  test('falls back to HTTP+SSE when Streamable HTTP is refused, and works the same', async () => {
    const { sseUrl, sseSessions } = await start()
    const { client, events } = openClient({ url: sseUrl })
    const session = await client.connect()
    expect(session).toMatchObject({ era: 'legacy', transport: 'http+sse' })
    expect(events).toContainEqual({
      type: 'negotiation:fallback',
      from: 'streamable-http',
      to: 'http+sse',
    })
    expect(sseSessions.size).toBe(1)
    await checkTools(client)
    await checkCatalog(client)
    await checkInput(client)
    await client.close()
    await expect.poll(() => sseSessions.size).toBe(0)
  })

  test('a client pinned to 2024-11-05 goes straight to HTTP+SSE', async () => {
    const { sseUrl } = await start()
    const { client } = openClient({ url: sseUrl, protocolVersion: '2024-11-05' })
    const session = await client.connect()
    expect(session).toMatchObject({
      era: 'legacy',
      protocolVersion: '2024-11-05',
      transport: 'http+sse',
      source: 'pinned',
    })
    await checkTools(client)
  })
})
