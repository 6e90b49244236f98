import type { ServerResponse } from 'node:http'
import type { BufferedResponse, StreamingResponse } from '../core/buffered-exchange.ts'
import type { BodySink } from '../core/sse/writer.ts'
import { type Exchange, ignore } from './exchange.ts'

const PENDING = Symbol('pending')
const pending = Promise.resolve(PENDING)
const same = <T>(value: T): T => value

// Settles with the read if it settles within a couple of microtasks, else with PENDING: tells a
// body that is there already (undici closes its byte sources in a queued microtask) from one that
// will come later, without a timer.
function peek<T>(read: Promise<T>): Promise<T | typeof PENDING> {
  return Promise.race([read, pending.then(same)])
}

// Statuses that never carry a body; node drops one anyway, the body's producer should learn early.
function isBodyless(status: number, method: string | undefined): boolean {
  return method === 'HEAD' || status === 204 || status === 304 || status < 200
}

// Writes the head (it leaves with the first data). `contentLength` is the size of a body that is
// complete already, declared unless the handler framed the body itself; without it node chunks.
function writeHead(res: ServerResponse, response: Response, contentLength?: number): void {
  // Iteration yields every `set-cookie` as its own entry; node's flat-array form keeps repeats.
  const head: string[] = []
  let framed = false
  for (const [name, value] of response.headers) {
    head.push(name, value)
    if (name === 'content-length' || name === 'transfer-encoding') framed = true
  }
  if (contentLength !== undefined && !framed) head.push('content-length', String(contentLength))
  if (response.statusText === '') res.writeHead(response.status, head)
  else res.writeHead(response.status, response.statusText, head)
}

function chunkOf(value: unknown): Uint8Array | string {
  if (value instanceof Uint8Array || typeof value === 'string') return value
  throw new TypeError('A response body chunk must be a Uint8Array or a string')
}

function byteLength(chunk: Uint8Array | string): number {
  return typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength
}

/**
 * Writes a web `Response` to a node `ServerResponse`.
 *
 * A body that is complete at once goes out in one write with a `Content-Length`. Otherwise the
 * head is flushed immediately (so an event stream's client sees it before the first event), then
 * each chunk is written as it comes, reading the next one only once the socket has taken the
 * previous one. Rejects before the head was written (the caller can still answer 500); after that,
 * the caller destroys the socket so the client sees a truncated response.
 *
 * @internal
 */
export async function writeResponse(
  res: ServerResponse,
  response: Response,
  exchange: Exchange,
): Promise<void> {
  const body = response.body
  const bodyless = isBodyless(response.status, res.req.method)
  if (body === null || bodyless) {
    writeHead(res, response, bodyless ? undefined : 0)
    res.end()
    if (body !== null) body.cancel().catch(ignore)
    return
  }
  const reader = body.getReader()
  exchange.reader = reader
  let read = await writeStart(res, { response, reader, exchange })
  if (read === undefined) return
  while (!read.done) {
    if (!(await write(res, chunkOf(read.value), exchange))) return
    read = await reader.read()
  }
  end(res, exchange)
}

/**
 * Writes the head and the first chunk. Resolves with the read that follows them, or undefined when
 * the response is already complete (or the client is gone).
 */
async function writeStart(
  res: ServerResponse,
  start: { response: Response; reader: ReadableStreamDefaultReader<unknown>; exchange: Exchange },
): Promise<ReadableStreamReadResult<unknown> | undefined> {
  const { response, reader, exchange } = start
  const firstRead = reader.read()
  let first = await peek(firstRead)
  if (first === PENDING) {
    // An event stream's first chunk may take minutes: the client gets the head now.
    writeHead(res, response)
    res.flushHeaders()
    first = await firstRead
  }
  if (first.done) {
    if (!res.headersSent) writeHead(res, response, 0)
    end(res, exchange)
    return undefined
  }
  const chunk = chunkOf(first.value)
  if (res.headersSent) return (await write(res, chunk, exchange)) ? reader.read() : undefined
  const secondRead = reader.read()
  const second = await peek(secondRead)
  if (second !== PENDING && second.done) {
    writeHead(res, response, byteLength(chunk))
    if (!exchange.closed) res.end(chunk)
    return undefined
  }
  writeHead(res, response)
  if (!(await write(res, chunk, exchange))) return undefined
  return second === PENDING ? secondRead : second
}

// Resolves false when the client is gone and writing must stop.
async function write(
  res: ServerResponse,
  chunk: Uint8Array | string,
  exchange: Exchange,
): Promise<boolean> {
  if (exchange.closed) return false
  if (!res.write(chunk)) {
    await new Promise<void>((resolve) => {
      exchange.resume = resolve
      res.once('drain', resolve)
    })
    exchange.resume = undefined
  }
  return !exchange.closed
}

function end(res: ServerResponse, exchange: Exchange): void {
  if (!exchange.closed) res.end()
}

/**
 * Writes a {@link BufferedResponse}: head and body in one write, with a `Content-Length`. Nothing is
 * written once the client is gone.
 *
 * @internal
 */
export function writeBuffered(
  res: ServerResponse,
  answer: BufferedResponse,
  exchange: Exchange,
): void {
  if (exchange.closed) return
  const fields = answer.headerFields
  const head = headFields(fields)
  const bodyless = isBodyless(answer.status, res.req.method)
  const content = bodyless ? null : answer.content
  if (!bodyless && !('content-length' in fields)) {
    head.push('content-length', content === null ? '0' : String(Buffer.byteLength(content)))
  }
  res.writeHead(answer.status, head)
  if (content === null) res.end()
  else res.end(content)
}

/** Header fields as the flat name/value list `writeHead` takes (cheaper than an object). */
function headFields(fields: Readonly<Record<string, string>>): string[] {
  const head: string[] = []
  for (const name in fields) head.push(name, fields[name] as string)
  return head
}

/**
 * A streaming body's sink over the socket. What the producer writes in the tick the response starts
 * is held and leaves in one write: with the head and a `Content-Length` when the stream also ended
 * in that tick (a progress event and the result: no chunked framing at all), else with the head,
 * chunked, when the tick is over. Later chunks go straight to `res`.
 */
class SocketSink implements BodySink {
  readonly #res: ServerResponse
  readonly #exchange: Exchange
  #head: { status: number; fields: string[] } | undefined
  #held = ''

  constructor(res: ServerResponse, init: { exchange: Exchange; status: number; fields: string[] }) {
    this.#res = res
    this.#exchange = init.exchange
    this.#head = { status: init.status, fields: init.fields }
  }

  write(chunk: string): boolean {
    if (this.#exchange.closed) return false
    if (this.#head !== undefined) {
      this.#held += chunk
      return true
    }
    return this.#res.write(chunk)
  }

  end(): void {
    if (this.#exchange.closed) return
    // The producer is done: nothing to tell it on a later disconnect, and the exchange (which
    // `res`'s close listener holds until then) stops holding the producer's objects.
    this.#exchange.onDisconnect = undefined
    const head = this.#head
    if (head === undefined) {
      this.#res.end()
      return
    }
    this.#head = undefined
    const held = this.#held
    this.#held = ''
    head.fields.push('content-length', String(Buffer.byteLength(held)))
    this.#res.writeHead(head.status, head.fields)
    this.#res.end(held)
  }

  /** The first tick is over: the head leaves (with what was held), and the stream goes live. */
  flush(): void {
    const head = this.#head
    if (head === undefined || this.#exchange.closed) return
    this.#head = undefined
    this.#res.writeHead(head.status, head.fields)
    if (this.#held === '') {
      this.#res.flushHeaders()
      return
    }
    this.#res.write(this.#held)
    this.#held = ''
  }

  queued(): number {
    return this.#res.writableLength + this.#held.length
  }
}

function flushSink(sink: SocketSink): void {
  sink.flush()
}

/**
 * Writes a {@link StreamingResponse} (an event stream) without web streams: the head, then every
 * chunk the producer writes, straight to the socket. What is written in the first tick leaves in
 * one write with the head (see {@link SocketSink}). When the client goes away the producer is told
 * through the exchange.
 *
 * @internal
 */
export function writeStreaming(
  res: ServerResponse,
  answer: StreamingResponse,
  exchange: Exchange,
): void {
  const head = headFields(answer.headerFields)
  const sink = new SocketSink(res, { exchange, status: answer.status, fields: head })
  process.nextTick(flushSink, sink)
  const disconnect = answer.connect(sink)
  if (exchange.closed) disconnect(new DOMException('The client disconnected', 'AbortError'))
  else exchange.onDisconnect = disconnect
}

/**
 * Answers with a short plain-text body. Used for 400 (the request could not be converted) and 500
 * (the handler failed).
 *
 * @internal
 */
export function sendPlain(res: ServerResponse, status: 400 | 500): void {
  const text = status === 400 ? 'Bad Request' : 'Internal Server Error'
  // After a 400 the connection's framing may be off too: do not keep it.
  const head: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(text.length),
  }
  if (status === 400) head.connection = 'close'
  res.writeHead(status, head)
  res.end(text)
}
