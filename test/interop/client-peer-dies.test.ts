// A peer that dies mid-call: the caller gets a typed `TransportError` at once, never a hang, an
// untyped rejection or its own timeout (a `TimeoutError` after `requestTimeoutMs`). The v1 peer
// runs as its own process and exits in the middle of its `crash` tool (stdio, and Streamable HTTP
// with an event store, so the client first tries to resume); the v2 peer (modern era) drops every
// connection and stops listening.
import { isTransportError, type McpkitError } from 'mcpkit'
import type { McpClient } from 'mcpkit/client'
import { serve } from 'mcpkit/node'
import { afterEach, describe, expect, test } from 'vitest'
import { closeClients, openClient } from './client-checks.ts'
import { killIfRunning, spawnV1Http, spawnV1Stdio } from './client-spawn.ts'
import { createV2Peer, type V2Peer } from './client-v2-peer.ts'

/** Reconnection settings that give up quickly once the peer is gone. */
const RECONNECT = { initialDelayMs: 10, maxDelayMs: 50, maxRetries: 2 }

const cleanups: (() => Promise<unknown> | undefined)[] = []

afterEach(async () => {
  await closeClients()
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** Calls `crash`, and resolves with what it rejected with and the progress before that. */
async function crashCall(client: McpClient): Promise<{ error: McpkitError; progress: number[] }> {
  const progress: number[] = []
  const error: unknown = await client
    .callTool({ name: 'crash' }, { onProgress: (p) => progress.push(p.progress) })
    .then(
      () => new Error('the call succeeded'),
      (reason: unknown) => reason,
    )
  expect(isTransportError(error)).toBe(true)
  return { error: error as McpkitError, progress }
}

describe('a peer that dies mid-call', { timeout: 30_000 }, () => {
  test('stdio: the server process exits; the call fails with a TransportError', async () => {
    const spawned = await spawnV1Stdio()
    cleanups.push(() => spawned.close())
    const { client } = openClient({ connection: spawned.connection, requestTimeoutMs: 20_000 })
    const { error, progress } = await crashCall(client)
    expect(progress).toEqual([1])
    expect(error.message).toMatch(/exit|closed/i)
    expect(await spawned.exited).toEqual({ code: 3, signal: null })
  })

  test('legacy Streamable HTTP: resumption fails against the dead peer, then a TransportError', async () => {
    const { child, url } = await spawnV1Http()
    cleanups.push(() => {
      killIfRunning(child)
      return undefined
    })
    const { client, events } = openClient({ url, reconnect: RECONNECT, requestTimeoutMs: 20_000 })
    const { error, progress } = await crashCall(client)
    expect(progress).toEqual([1])
    expect(child.exitCode).toBe(3)
    const transport = events.flatMap((event) => (event.type === 'transport' ? [event.event] : []))
    expect(transport).toContainEqual(expect.objectContaining({ type: 'reconnect:scheduled' }))
    expect(error.name).toBe('TransportError')
  })

  test('modern Streamable HTTP: the server drops its connections and stops listening', async () => {
    let served: Awaited<ReturnType<typeof serve>> | undefined
    const peer: V2Peer = createV2Peer({
      onCrash: () => {
        served?.server.close()
        served?.server.closeAllConnections()
      },
    })
    served = await serve(peer.fetch, { host: '127.0.0.1', port: 0 })
    cleanups.push(() => peer.close())
    const { client } = openClient({
      url: `${served.url}mcp`,
      reconnect: RECONNECT,
      requestTimeoutMs: 20_000,
    })
    expect((await client.connect()).era).toBe('modern')
    const { progress } = await crashCall(client)
    expect(progress).toEqual([1])
  })
})
