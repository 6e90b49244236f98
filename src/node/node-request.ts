import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { Exchange } from './exchange.ts'

/**
 * Bodies that declare a `Content-Length` up to this size are read into memory before the handler
 * runs: on Node 20 a `Request` over a byte array is several times cheaper to build and read than one
 * over a stream, and MCP messages are almost always this small. Larger or chunked bodies stream.
 */
const BUFFERED_BODY_LIMIT_BYTES = 64 * 1024

/** Queue size of a streamed request body before the socket is paused. */
const STREAM_HIGH_WATER_MARK_BYTES = 64 * 1024

// A Host header is `host[:port]`: an IP literal or reg-name (RFC 3986), never `/`, `@`, `?`, `#`,
// `\` or spaces, so it cannot smuggle userinfo or a path into the URL built from it.
const HOST_HEADER = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::[0-9]*)?$/
const ABSOLUTE_FORM = /^https?:\/\//i

/** The parts of `RequestInit` the adapter sets; `duplex` is missing from TypeScript's DOM types. */
interface StreamingRequestInit extends RequestInit {
  duplex?: 'half'
}

/**
 * The absolute URL of a request: `origin` (pinned by the caller) or the one the request names (its
 * `Host`, else the socket's local address), then the target's path and query. Throws a `TypeError`
 * for a target or host that cannot form a URL; the caller answers 400.
 *
 * @internal
 */
export function requestUrl(req: IncomingMessage, origin: string | undefined): string {
  const target = req.url ?? '/'
  if (target.charCodeAt(0) === 47) return (origin ?? originOf(req)) + target
  if (!ABSOLUTE_FORM.test(target)) throw new TypeError('Unsupported request target')
  // Absolute-form (RFC 9112 §3.2.2): the target's authority replaces the Host header. Rebuilt from
  // its parts so userinfo never reaches the handler.
  const url = new URL(target)
  return (origin ?? `${protocolOf(req.socket)}//${url.host}`) + url.pathname + url.search
}

function originOf(req: IncomingMessage): string {
  const host = req.headers.host
  if (host === undefined) return `${protocolOf(req.socket)}//${socketAuthority(req.socket)}`
  if (!HOST_HEADER.test(host)) throw new TypeError('Invalid Host header')
  return `${protocolOf(req.socket)}//${host}`
}

function protocolOf(socket: Socket): string {
  return (socket as Socket & { encrypted?: boolean }).encrypted === true ? 'https:' : 'http:'
}

// HTTP/1.0 requests may omit Host; the address the client reached us on stands in for it.
function socketAuthority(socket: Socket): string {
  const address = socket.localAddress
  if (address === undefined) throw new TypeError('The socket has no local address')
  const host = address.includes(':') ? `[${address}]` : address
  return `${host}:${socket.localPort}`
}

/**
 * Every header line in arrival order. `Request` appends them one by one, which joins repeated names
 * with `, ` as the Fetch standard says (node's own `req.headers` drops some repeats and joins
 * `cookie` with `; `).
 *
 * @internal
 */
export function headerPairs(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = new Array(raw.length >> 1)
  for (let i = 0; i < raw.length; i += 2) pairs[i >> 1] = [raw[i] as string, raw[i + 1] as string]
  return pairs
}

/**
 * How the request body reaches the `Request`: `null` when there is none, a byte array when it is
 * small and its length is declared (already read), or a stream.
 *
 * @internal
 */
export type BodySource = null | 'buffer' | 'stream'

/** @internal */
export function bodySource(req: IncomingMessage): BodySource {
  const method = req.method
  if (method === 'GET' || method === 'HEAD') return null
  const length = req.headers['content-length']
  if (length !== undefined) {
    if (length === '0') return null
    return Number(length) <= BUFFERED_BODY_LIMIT_BYTES ? 'buffer' : 'stream'
  }
  return req.headers['transfer-encoding'] === undefined ? null : 'stream'
}

const ABORTED = 'The client closed the connection before the request body ended'

/**
 * Reads a small body completely. Rejects when the client goes away before the body ended.
 * (`IncomingMessage` emits `error` only to listeners, and always emits `close`.)
 *
 * @internal
 */
export function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    // Node hands out socket data in Buffers over plain ArrayBuffers, never shared memory.
    const chunks: Buffer<ArrayBuffer>[] = []
    const onData = (chunk: Buffer<ArrayBuffer>) => chunks.push(chunk)
    // The listeners come off once the body is read: under load V8 may allocate `req` straight
    // into the old generation (allocation-site pretenuring), and listeners left on a dead old
    // `req` keep this promise, the body and what awaits them alive through every minor GC until
    // the next full one; measured under SSE load, that promoted ~1.2 MB per scavenge.
    const detach = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('close', onClose)
    }
    const onEnd = () => {
      detach()
      resolve(chunks.length === 1 ? (chunks[0] as Buffer<ArrayBuffer>) : Buffer.concat(chunks))
    }
    const onClose = () => {
      detach()
      if (!req.complete) reject(new Error(ABORTED))
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('close', onClose)
  })
}

/**
 * The request body as a web stream that pauses the socket while the consumer is behind. Cancelling
 * it discards the rest of the body but keeps the connection, so the handler can still answer (say,
 * 413 after reading too much).
 *
 * @internal
 */
export function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array<ArrayBuffer>> {
  let open = true
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer<ArrayBuffer>) => {
          if (!open) return
          controller.enqueue(chunk)
          if ((controller.desiredSize ?? 0) <= 0) req.pause()
        })
        req.on('end', () => {
          if (open) controller.close()
          open = false
        })
        req.on('close', () => {
          if (open) controller.error(new Error(ABORTED))
          open = false
        })
      },
      pull() {
        req.resume()
      },
      cancel() {
        open = false
        req.resume()
      },
    },
    { highWaterMark: STREAM_HIGH_WATER_MARK_BYTES, size: (chunk) => chunk.byteLength },
  )
}

// TypeScript declares `signal` as a plain property of `Request`; the subclass replaces it with a
// getter, which the type system only allows on a base type without it (and `clone` must stay a
// method to be overridden).
interface RequestWithoutSignal extends Omit<Request, 'signal' | 'clone'> {
  clone(): Request
}
const RequestWithoutSignal: new (
  input: string | Request,
  init: RequestInit,
) => RequestWithoutSignal = Request

/**
 * A `Request` whose `signal` is the adapter's own, aborted when the client disconnects.
 *
 * Passing a signal to the `Request` constructor instead costs about 25 µs of CPU per request in
 * Node 20 (listener bookkeeping, a weak reference and a finalizer), a sixth of a small request's
 * total; the getter costs nothing until a handler reads it. Clones follow it too. The one
 * difference: a `Request` built from this one (`new Request(request)`, `fetch(request)`) follows
 * undici's internal signal, which never aborts, so pass `signal: request.signal` along when
 * forwarding.
 *
 * @internal
 */
class IncomingRequest extends RequestWithoutSignal {
  readonly #exchange: Exchange

  constructor(input: string | Request, init: RequestInit, exchange: Exchange) {
    super(input, init)
    this.#exchange = exchange
  }

  get signal(): AbortSignal {
    return this.#exchange.signal
  }

  // undici's clone follows only its internal signal; rewrap it so the copy follows ours.
  clone(): Request {
    return new IncomingRequest(super.clone(), {}, this.#exchange)
  }
}

/**
 * Builds the web `Request`. The caller catches what the URL parser or `Headers` refuse.
 *
 * @internal
 */
export function createRequest(
  req: IncomingMessage,
  init: { url: string; body: BodyInit | null; exchange: Exchange },
): Request {
  const options: StreamingRequestInit = {
    method: req.method ?? 'GET',
    headers: headerPairs(req.rawHeaders),
  }
  if (init.body !== null) {
    options.body = init.body
    options.duplex = 'half'
  }
  return new IncomingRequest(init.url, options, init.exchange)
}
