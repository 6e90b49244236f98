/**
 * Building HTTP responses: JSON-RPC bodies, empty statuses and SSE heads. One place, so every error
 * has the same shape and every stream the same headers.
 */

import { isModernRevision } from '../../core/eras/versions.ts'
import type { JsonRpcErrorObject } from '../../core/errors/protocol-error.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'

const JSON_CONTENT_TYPE = 'application/json'

/** Headers of every SSE response: no caching, and no proxy buffering (nginx honours the last one). */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
}

/**
 * The `id` of an error that answers a message whose id could not be read: JSON-RPC 2.0 says `null`,
 * while MCP 2025-11-25 and later leave it out (their schemas forbid `null`). Decided from the
 * `MCP-Protocol-Version` header, the only clue left.
 */
export function unreadableId(versionHeader: string | null): null | undefined {
  return versionHeader === '2025-11-25' || isModernRevision(versionHeader) ? undefined : null
}

/** Options of {@link jsonRpcErrorResponse}. */
export interface ErrorReply {
  /** The HTTP status. */
  readonly status: number
  /** The request id to echo; `null` or `undefined` when it could not be read (see {@link unreadableId}). */
  readonly id: JsonRpcId | null | undefined
  /** The JSON-RPC error. */
  readonly error: JsonRpcErrorObject
  /** Extra response headers. */
  readonly headers?: Readonly<Record<string, string>>
}

/**
 * A JSON-RPC error response with an HTTP status.
 *
 * @example
 * jsonRpcErrorResponse({ status: 404, id: 7, error: { code: -32601, message: 'Method not found' } })
 */
export function jsonRpcErrorResponse(reply: ErrorReply): Response {
  const body =
    reply.id === undefined
      ? { jsonrpc: '2.0', error: reply.error }
      : { jsonrpc: '2.0', id: reply.id, error: reply.error }
  return jsonResponse(JSON.stringify(body), { status: reply.status, headers: reply.headers })
}

/** A response whose body is already-serialised JSON. */
export function jsonResponse(
  json: string,
  init: { status: number; headers?: Readonly<Record<string, string>> | undefined },
): Response {
  const headers =
    init.headers === undefined
      ? { 'content-type': JSON_CONTENT_TYPE }
      : { 'content-type': JSON_CONTENT_TYPE, ...init.headers }
  return new Response(json, { status: init.status, headers })
}

/** A response without a body, such as 202 Accepted or 405 Method Not Allowed. */
export function emptyResponse(
  status: number,
  headers?: Readonly<Record<string, string>>,
): Response {
  return headers === undefined
    ? new Response(null, { status })
    : new Response(null, { status, headers })
}

/** An SSE response over `body`, with the standard {@link SSE_HEADERS}. */
export function sseResponse(
  body: ReadableStream<Uint8Array>,
  headers?: Readonly<Record<string, string>>,
): Response {
  return new Response(body, {
    status: 200,
    headers: headers === undefined ? SSE_HEADERS : { ...SSE_HEADERS, ...headers },
  })
}
