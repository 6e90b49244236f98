/**
 * Building HTTP responses: JSON-RPC bodies, empty statuses and SSE heads. One place, so every error
 * has the same shape and every stream the same headers. Complete answers are
 * {@link PreparedResponse}s, turned into web `Response`s only when the caller wants one
 * (`McpServer.handle`), and written as they are by adapters of the buffered exchange.
 */

import type {
  BufferedRequest,
  BufferedResponse,
  StreamingResponse,
} from '../../core/buffered-exchange.ts'
import { isModernRevision } from '../../core/eras/versions.ts'
import type { JsonRpcErrorObject } from '../../core/errors/protocol-error.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'
import type { BodySink, SseStream } from '../../core/sse/writer.ts'

const JSON_CONTENT_TYPE = 'application/json'
const JSON_HEADERS: Readonly<Record<string, string>> = { 'content-type': JSON_CONTENT_TYPE }
const NO_HEADERS: Readonly<Record<string, string>> = {}

/**
 * A complete answer held in memory: a status, header fields and a text body. Cheap to build, and
 * readable like a `Response` (`headers`, `text()`, `json()`) by the server's own code and tests.
 */
export class PreparedResponse implements BufferedResponse {
  readonly status: number
  readonly headerFields: Readonly<Record<string, string>>
  readonly content: string | null
  #headers: Headers | undefined = undefined

  constructor(
    status: number,
    headerFields: Readonly<Record<string, string>>,
    content: string | null = null,
  ) {
    this.status = status
    this.headerFields = headerFields
    this.content = content
  }

  /** The header fields as `Headers`, built on first use. */
  get headers(): Headers {
    this.#headers ??= new Headers(this.headerFields as Record<string, string>)
    return this.#headers
  }

  /** The body text (empty without a body). */
  text(): Promise<string> {
    return Promise.resolve(this.content ?? '')
  }

  /** The body parsed as JSON. */
  json(): Promise<unknown> {
    return this.text().then((text) => JSON.parse(text) as unknown)
  }
}

/**
 * An SSE answer: the head, and the stream its events go to. Adapters of the buffered exchange
 * connect their socket to it; `McpServer.handle` turns it into a `Response` over a web stream.
 */
export class SseAnswer implements StreamingResponse {
  readonly status = 200
  readonly headerFields: Readonly<Record<string, string>>
  readonly stream: SseStream

  constructor(stream: SseStream, headerFields: Readonly<Record<string, string>>) {
    this.stream = stream
    this.headerFields = headerFields
  }

  connect(sink: BodySink): (reason?: unknown) => void {
    return this.stream.connect(sink)
  }

  /** The header fields as `Headers`. */
  get headers(): Headers {
    return new Headers(this.headerFields as Record<string, string>)
  }

  /** Reads the whole stream (it must end) as text: for tests and inspection. */
  text(): Promise<string> {
    return new Response(this.stream.readable).text()
  }

  /** Reads the whole stream as JSON (which an event stream seldom is). */
  json(): Promise<unknown> {
    return this.text().then((text) => JSON.parse(text) as unknown)
  }
}

/** What the transport answers with: a prepared answer, an SSE answer, or a `Response`. */
export type Answer = Response | PreparedResponse | SseAnswer

/** What the transport reads of a request: a web `Request`, or a buffered one from an adapter. */
export type HttpRequest = Request | BufferedRequest

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
export function jsonRpcErrorResponse(reply: ErrorReply): PreparedResponse {
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
): PreparedResponse {
  const headers =
    init.headers === undefined
      ? JSON_HEADERS
      : { 'content-type': JSON_CONTENT_TYPE, ...init.headers }
  return new PreparedResponse(init.status, headers, json)
}

/** A response without a body, such as 202 Accepted or 405 Method Not Allowed. */
export function emptyResponse(
  status: number,
  headers?: Readonly<Record<string, string>>,
): PreparedResponse {
  return new PreparedResponse(status, headers ?? NO_HEADERS)
}

/** An SSE answer over `stream`, with the standard {@link SSE_HEADERS}. */
export function sseResponse(
  stream: SseStream,
  headers?: Readonly<Record<string, string>>,
): SseAnswer {
  return new SseAnswer(stream, headers === undefined ? SSE_HEADERS : { ...SSE_HEADERS, ...headers })
}
