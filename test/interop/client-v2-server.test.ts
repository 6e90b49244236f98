// The mcpkit client against the official SDK v2 server (`@modelcontextprotocol/server` 2.4.0) over
// real loopback HTTP: the modern era (negotiated by `server/discover`), the legacy era (a pinned
// 2025-11-25 client: initialize, a session, resumption, DELETE), and the SDK's default stateless
// legacy fallback.
import { createMcpHandler } from '@modelcontextprotocol/server'
import { isAbortError } from 'mcpkit'
import { serve } from 'mcpkit/node'
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
import { createV2Peer, createV2Server, type V2Peer } from './client-v2-peer.ts'

let peer: V2Peer | undefined
let served: Awaited<ReturnType<typeof serve>> | undefined

afterEach(async () => {
  await closeClients()
  await peer?.close()
  // After a client aborts a stream, node's fetch (undici) may open a spare connection that never
  // sends a request; `close()` would wait for its keep-alive timeout.
  served?.server.closeAllConnections()
  await served?.close()
  peer = undefined
  served = undefined
})

async function start(hooks: PeerHooks = {}): Promise<{ url: string; peer: V2Peer }> {
  const started = createV2Peer(hooks)
  peer = started
  served = await serve(started.fetch, { host: '127.0.0.1', port: 0 })
  return { url: `${served.url}mcp`, peer: started }
}

describe('mcpkit client ↔ official SDK v2 server', { timeout: 20_000 }, () => {
  test('modern era: discover, then tools, progress, resources, prompts and completion', async () => {
    const { url } = await start()
    const { client } = openClient({ url })
    const session = await client.connect()
    expect(session).toMatchObject({
      era: 'modern',
      protocolVersion: '2026-07-28',
      transport: 'streamable-http',
      source: 'discover',
      sessionId: undefined,
      serverInfo: { name: 'official-v2-peer' },
    })
    await checkTools(client)
    await checkCatalog(client)
  })

  test('modern era: elicitation and sampling through input_required rounds', async () => {
    const { url } = await start()
    const { client, events } = openClient({ url })
    await checkInput(client)
    expect(events.filter((event) => event.type === 'input:required')).toHaveLength(2)
  })

  test('modern era: subscriptions/listen delivers the changes the server publishes', async () => {
    const { url, peer } = await start()
    const { client } = openClient({ url })
    const seen: string[] = []
    const subscription = await client.listen(
      { toolsListChanged: true, promptsListChanged: true },
      { onNotification: (notification) => seen.push(notification.method) },
    )
    expect(await subscription.acknowledged).toMatchObject({ toolsListChanged: true })
    peer.notify.toolsChanged()
    peer.notify.resourcesChanged()
    peer.notify.promptsChanged()
    // Only what was asked for arrives: no resources/list_changed.
    await expect
      .poll(() => seen)
      .toEqual(['notifications/tools/list_changed', 'notifications/prompts/list_changed'])
    await subscription.close()
    expect(await subscription.ended).toEqual({ reason: 'closed' })
  })

  test('legacy era: initialize, a session, the same answers, and DELETE on close', async () => {
    const { url, peer } = await start()
    const { client, events } = openClient({ url, protocolVersion: '2025-11-25' })
    const session = await client.connect()
    expect(session).toMatchObject({ era: 'legacy', protocolVersion: '2025-11-25' })
    expect(session.sessionId).toMatch(/^[0-9a-f-]{36}$/)
    expect(peer.sessions.size).toBe(1)
    await checkTools(client)
    await checkCatalog(client)
    await checkInput(client)
    await client.close()
    expect(peer.sessions.size).toBe(0)
    expect(eventTypes(events)).toContain('session:closed')
  })

  test('legacy era: a stream the server closes mid-call is resumed with Last-Event-ID', async () => {
    const { url } = await start()
    const { client, events } = openClient({ url, protocolVersion: '2025-11-25' })
    const progress: number[] = []
    const result = await client.callTool(
      { name: 'poll', arguments: { steps: 3 } },
      { onProgress: (p) => progress.push(p.progress) },
    )
    expect(result.content).toEqual([{ type: 'text', text: 'polled 3' }])
    expect(progress).toEqual([0, 1, 2, 3])
    const resumed = events.flatMap((event) =>
      event.type === 'transport' && event.event.type === 'reconnect:resumed' ? [event.event] : [],
    )
    expect(resumed).toEqual([expect.objectContaining({ stream: 'post' })])
  })

  test.each([
    ['modern', 'closing the response stream', undefined],
    ['legacy', 'notifications/cancelled', '2025-11-25'],
  ] as const)(
    '%s era: cancelling a call (%s) aborts it on the server',
    async (_era, _how, version) => {
      let cancelled = 0
      const { url } = await start({ onCancelled: () => (cancelled += 1) })
      const { client } = openClient({ url, protocolVersion: version })
      const controller = new AbortController()
      const call = client.callTool(
        { name: 'wait' },
        { signal: controller.signal, onProgress: () => controller.abort() },
      )
      await expect(call).rejects.toSatisfy(isAbortError)
      await expect.poll(() => cancelled).toBe(1)
    },
  )

  test('the SDK default handler: stateless legacy fallback (no session, GET and DELETE 405)', async () => {
    const handler = createMcpHandler(() => createV2Server('legacy'))
    served = await serve(handler.fetch, { host: '127.0.0.1', port: 0 })
    const { client } = openClient({ url: `${served.url}mcp`, protocolVersion: '2025-06-18' })
    const session = await client.connect()
    expect(session).toMatchObject({ era: 'legacy', protocolVersion: '2025-06-18' })
    expect(session.sessionId).toBeUndefined()
    await checkTools(client)
    await client.close()
    await handler.close()
  })
})
