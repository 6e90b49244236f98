import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  type BufferedAnswer,
  type BufferedHandler,
  isBufferedHandler,
  isStreamingResponse,
} from '../core/buffered-exchange.ts'
import { NodeBufferedRequest } from './buffered-request.ts'
import { Exchange, ignore } from './exchange.ts'
import { bodySource, bodyStream, createRequest, readBody, requestUrl } from './node-request.ts'
import { sendPlain, writeBuffered, writeResponse, writeStreaming } from './node-response.ts'

/** A web-standard request handler: takes a `Request`, answers with a `Response`. */
export type FetchHandler = (request: Request) => Promise<Response> | Response

/**
 * What {@link toNodeListener} and {@link serve} accept: a {@link FetchHandler}, or an object with a
 * `handle` method such as mcpkit's server.
 */
export type HandlerLike = FetchHandler | { handle: FetchHandler }

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * Pins the origin of every request URL, e.g. `https://mcp.example.com` behind a proxy that ends
   * TLS. Only the origin is used; a path other than `/` is refused.
   * @default the `Host` header (or the socket's local address) with `http:`, or `https:` on TLS
   */
  baseUrl?: string | URL | undefined
  /**
   * Receives what the handler threw or rejected with (the client got a 500), and errors of a
   * response body that failed mid-way (the client got a truncated response). Nothing is logged
   * otherwise. Errors it throws are ignored.
   */
  onError?: ((error: unknown, request: Request) => void) | undefined
}

/** The listener {@link toNodeListener} returns, for `http.createServer` or `server.on('request')`. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void

interface Resolved {
  readonly handle: FetchHandler
  /** The handler's buffered entry, when it has one (mcpkit's server). */
  readonly buffered: BufferedHandler['handleBuffered'] | undefined
  readonly origin: string | undefined
  readonly onError: ((error: unknown, request: Request) => void) | undefined
}

/**
 * Turns a web-standard handler into a node `http` request listener. It converts and adds nothing:
 * `IncomingMessage` becomes a `Request` (absolute URL, every header, streamed body, a `signal` that
 * aborts when the client disconnects), and the `Response` is streamed back with backpressure.
 *
 * Requests node parses but `Request` refuses (a bad `Host`, an unusable target, header values the
 * `Headers` class rejects) get a 400. A handler that throws gets a 500 and reaches `onError`.
 *
 * @example
 * import { createServer } from 'node:http'
 * const listener = toNodeListener(async (request) => Response.json({ url: request.url }))
 * createServer(listener).listen(3000, '127.0.0.1')
 * @see {@link serve} to start a server in one call.
 */
export function toNodeListener(
  handler: HandlerLike,
  options: NodeListenerOptions = {},
): NodeListener {
  const resolved: Resolved = {
    handle: resolveHandler(handler),
    buffered: isBufferedHandler(handler) ? (request) => handler.handleBuffered(request) : undefined,
    origin: resolveOrigin(options.baseUrl),
    onError: resolveOnError(options.onError),
  }
  return function mcpkitNodeListener(req, res) {
    respond(req, res, resolved).catch(() => res.destroy())
  }
}

function resolveHandler(handler: HandlerLike): FetchHandler {
  if (typeof handler === 'function') return handler
  if (typeof handler?.handle === 'function') return (request) => handler.handle(request)
  throw new TypeError(
    `The handler must be a function or an object with a \`handle\` method, got ${String(handler)}`,
  )
}

function resolveOrigin(baseUrl: string | URL | undefined): string | undefined {
  if (baseUrl === undefined) return undefined
  const url = URL.canParse(String(baseUrl)) ? new URL(String(baseUrl)) : undefined
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TypeError(`The \`baseUrl\` option must be an http(s) URL, got ${String(baseUrl)}`)
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new TypeError(
      `The \`baseUrl\` option must be an origin without path, query or credentials, got ${String(baseUrl)}`,
    )
  }
  return url.origin
}

function resolveOnError(onError: NodeListenerOptions['onError']): NodeListenerOptions['onError'] {
  if (onError === undefined || typeof onError === 'function') return onError
  throw new TypeError(`The \`onError\` option must be a function, got ${String(onError)}`)
}

async function respond(req: IncomingMessage, res: ServerResponse, resolved: Resolved) {
  const exchange = new Exchange()
  // The listener takes itself off when it runs: left on a dead `res`, it would hold the exchange
  // (see `readBody`). Not `once`, whose wrapper costs every open stream memory.
  const onClose = () => {
    res.off('close', onClose)
    if (!res.writableFinished) exchange.disconnect()
  }
  res.on('close', onClose)
  if (resolved.buffered !== undefined && bodySource(req) !== 'stream') {
    return respondBuffered(req, res, { resolved, exchange })
  }
  const request = await toRequest(req, { origin: resolved.origin, exchange })
  if (request === undefined) {
    if (!exchange.closed) sendPlain(res, 400)
    return
  }
  let response: Response
  try {
    response = await callHandler(resolved.handle, request)
  } catch (error) {
    report(resolved, error, () => request)
    if (!exchange.closed) sendPlain(res, 500)
    return
  }
  await send(res, response, { exchange, resolved, request: () => request })
}

// A handler with a buffered entry gets small requests without a web `Request`, and may answer
// without a web `Response`: on Node 20 building and reading those costs more than the MCP work.
async function respondBuffered(
  req: IncomingMessage,
  res: ServerResponse,
  context: { resolved: Resolved; exchange: Exchange },
): Promise<void> {
  const { resolved, exchange } = context
  let request: NodeBufferedRequest
  try {
    const url = requestUrl(req, resolved.origin)
    const bodyBytes = bodySource(req) === null ? null : await readBody(req)
    request = new NodeBufferedRequest(req, { url, bodyBytes, exchange })
  } catch {
    if (!exchange.closed) sendPlain(res, 400)
    return
  }
  let answer: BufferedAnswer
  try {
    answer = await (resolved.buffered as BufferedHandler['handleBuffered'])(request)
  } catch (error) {
    report(resolved, error, () => request.toRequest())
    if (!exchange.closed) sendPlain(res, 500)
    return
  }
  if (isStreamingResponse(answer)) return writeStreaming(res, answer, exchange)
  if (!(answer instanceof Response)) return writeBuffered(res, answer, exchange)
  await send(res, answer, { exchange, resolved, request: () => request.toRequest() })
}

async function callHandler(handle: FetchHandler, request: Request): Promise<Response> {
  const response = await handle(request)
  if (response instanceof Response) return response
  throw new TypeError('The handler did not return a Response')
}

// Resolves undefined when the request cannot be converted, or its body never arrived.
async function toRequest(
  req: IncomingMessage,
  { origin, exchange }: { origin: string | undefined; exchange: Exchange },
): Promise<Request | undefined> {
  try {
    const url = requestUrl(req, origin)
    const source = bodySource(req)
    const body =
      source === null ? null : source === 'buffer' ? await readBody(req) : bodyStream(req)
    return createRequest(req, { url, body, exchange })
  } catch {
    return undefined
  }
}

async function send(
  res: ServerResponse,
  response: Response,
  context: { exchange: Exchange; resolved: Resolved; request: () => Request },
): Promise<void> {
  const { exchange, resolved, request } = context
  if (exchange.closed) {
    response.body?.cancel().catch(ignore)
    return
  }
  try {
    await writeResponse(res, response, exchange)
  } catch (error) {
    report(resolved, error, request)
    if (res.headersSent) abandon(res)
    else sendPlain(res, 500)
  }
}

// Cuts the connection so the client sees a truncated response, never a complete-looking one. Node
// holds the writes of the current tick corked until the next one: destroying after them lets the
// chunks already written reach the client first.
function abandon(res: ServerResponse): void {
  process.nextTick(() => res.destroy())
}

// The request is built only for onError: the buffered path has no web `Request` otherwise.
function report(resolved: Resolved, error: unknown, request: () => Request): void {
  if (resolved.onError === undefined) return
  try {
    resolved.onError(error, request())
  } catch {
    // onError is the last stop for an error: there is nowhere left to send its own failure.
  }
}
