/**
 * Helpers shared by the client tests: a JSON-RPC routing handler for the fake server, and a client
 * wired to it.
 */

import type { McpClient } from '../../../src/client/client-api.ts'
import type { ClientEvent } from '../../../src/client/client-events.ts'
import type { ClientOptions } from '../../../src/client/client-options.ts'
import { createClient } from '../../../src/client/mcp-client.ts'
import type { Json } from './fake-fetch.ts'
import { createFakeFetch, type FakeFetch, json, rpcError } from './fake-fetch.ts'

export const URL_ = 'http://mcp.test/mcp'
export const MODERN = '2026-07-28'

/** What a route gets: the JSON-RPC message and the HTTP request. */
export type Route = (message: Json, request: Request) => Response | Promise<Response>

/** Routes POSTs by JSON-RPC method; unknown methods get `-32601` (HTTP 404, as a modern server). */
export function routes(table: Record<string, Route>, fallback?: Route): FakeFetch {
  return createFakeFetch(async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405 })
    const message = await request.json()
    const route = table[message.method] ?? fallback
    if (route !== undefined) return route(message, request)
    if (message.id === undefined) return new Response(null, { status: 202 })
    return rpcError(
      message.id,
      { code: -32601, message: `Method not found: ${message.method}` },
      404,
    )
  })
}

/** A modern `server/discover` result. */
export function discoverResult(extra: Record<string, unknown> = {}) {
  return {
    resultType: 'complete',
    ttlMs: 0,
    cacheScope: 'public',
    supportedVersions: [MODERN],
    capabilities: { tools: { listChanged: true }, resources: { subscribe: true } },
    _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'fake', version: '1.0.0' } },
    ...extra,
  }
}

/** A route answering with a JSON-RPC result. */
export function answer(value: unknown | ((message: Json) => unknown)): Route {
  return (message) =>
    json({
      jsonrpc: '2.0',
      id: message.id,
      result: typeof value === 'function' ? (value as (m: Json) => unknown)(message) : value,
    })
}

/** A client on the fake server, with no shared era cache. */
export function clientOn(fake: FakeFetch, options: Partial<ClientOptions> = {}): McpClient {
  return createClient({
    url: URL_,
    fetch: fake.fetch,
    eraCache: false,
    requestTimeoutMs: 2000,
    ...options,
  })
}

/** Records a client's events. */
export function recordEvents(client: McpClient): ClientEvent[] {
  const events: ClientEvent[] = []
  client.events.subscribe((event) => events.push(event))
  return events
}

/** The `_meta` of a posted message. */
export function metaOf(message: Json): Record<string, unknown> {
  return message?.params?._meta ?? {}
}
