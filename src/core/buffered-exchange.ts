import { type BodySink, readableOf } from './sse/writer.ts'

/**
 * The buffered exchange: a cheaper way for a runtime adapter to hand a small request to a handler
 * that supports it, and to get a small response back, without building web `Request`/`Response`
 * objects. On Node 20 a `Request` with a body costs about 30 µs of CPU to build and 20 µs more to
 * read, a `Response` with a body 15 µs plus its stream read: more than everything else an MCP
 * request needs. mcpkit's server accepts buffered requests (`McpServer.handleBuffered`) and
 * mcpkit/node's adapter sends them; anything else keeps using `Request` and `Response`.
 */

/** Reads request headers by name; a web `Headers` is one. */
export interface HeaderLookup {
  /** The value of header `name` (lower-case), or `null` when absent. */
  get(name: string): string | null
}

/**
 * A request whose body has been read completely: the parts of a `Request` an MCP server reads.
 *
 * @example
 * const request: BufferedRequest = {
 *   method: 'POST',
 *   url: 'http://127.0.0.1:3000/mcp',
 *   headers: new Headers({ 'content-type': 'application/json' }),
 *   signal: new AbortController().signal,
 *   bodyBytes: new TextEncoder().encode('{"jsonrpc":"2.0","id":1,"method":"ping"}'),
 * }
 */
export interface BufferedRequest {
  readonly method: string
  /** The absolute URL. */
  readonly url: string
  readonly headers: HeaderLookup
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal
  /** The whole body; `null` when there is none. */
  readonly bodyBytes: Uint8Array | null
}

/**
 * A complete response held in memory: what a handler may answer a {@link BufferedRequest} with
 * instead of a `Response` (streams stay `Response`s).
 */
export interface BufferedResponse {
  readonly status: number
  /** Header fields by lower-case name; `content-length` is left to the adapter. */
  readonly headerFields: Readonly<Record<string, string>>
  /** The body text, or `null` for none. */
  readonly content: string | null
}

/**
 * A response whose body is produced over time (an SSE stream): the adapter writes the head, then
 * connects its socket as the body's {@link BodySink}. No web stream is involved.
 */
export interface StreamingResponse {
  readonly status: number
  /** Header fields by lower-case name. */
  readonly headerFields: Readonly<Record<string, string>>
  /** Connects the body to `sink`; returns what the adapter calls when the client goes away. */
  connect(sink: BodySink): (reason?: unknown) => void
}

/** Anything a buffered handler answers with. */
export type BufferedAnswer = Response | BufferedResponse | StreamingResponse

/** Whether `answer` is a {@link StreamingResponse}. */
export function isStreamingResponse(answer: BufferedAnswer): answer is StreamingResponse {
  return !(answer instanceof Response) && 'connect' in answer
}

/**
 * A handler that takes buffered requests. Adapters call {@link BufferedHandler.handleBuffered} for
 * requests whose body they have read anyway, and `handle(request)` for the rest.
 */
export interface BufferedHandler {
  handleBuffered(request: BufferedRequest): Promise<BufferedAnswer>
}

/** Whether `request` is a {@link BufferedRequest} rather than a web `Request`. */
export function isBufferedRequest(request: object): request is BufferedRequest {
  return 'bodyBytes' in request
}

/** Whether `value` takes buffered requests. */
export function isBufferedHandler(value: unknown): value is BufferedHandler {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<BufferedHandler>).handleBuffered === 'function'
  )
}

/** Turns any {@link BufferedAnswer} into a web `Response` (a `Response` passes through). */
export function toWebResponse(answer: BufferedAnswer): Response {
  if (answer instanceof Response) return answer
  const init = { status: answer.status, headers: answer.headerFields as Record<string, string> }
  if (isStreamingResponse(answer)) {
    return new Response(
      readableOf((sink) => answer.connect(sink)),
      init,
    )
  }
  return new Response(answer.content, init)
}
