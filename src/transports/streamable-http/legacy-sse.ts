/**
 * The 2024-11-05 HTTP+SSE client transport, the last fallback of era detection (SPEC §5.1 step 4):
 * a long-lived GET stream whose first `endpoint` event names the URL to POST messages to, and whose
 * `message` events carry the server's messages. Exposed as a {@link Connection}, so the JSON-RPC
 * engine runs over it like over any other transport.
 */
import { type Connection, type ConnectionDriver, createConnection } from '../../core/connection.ts'
import { TimeoutError } from '../../core/errors/timeout-error.ts'
import { connectionClosedError, TransportError } from '../../core/errors/transport-error.ts'
import { checkTimeout } from '../../core/protocol/limits.ts'
import type { OutboundMessage } from '../../core/protocol/messages.ts'
import { abortedError, linkSignals } from './abort.ts'
import { discardBody } from './http-body.ts'
import {
  requestHeaders,
  sendExpectingOk,
  type TransportRequest,
  unexpectedAnswer,
} from './http-request.ts'
import { JSON_MEDIA_TYPE, mediaTypeOf, SSE_MEDIA_TYPE } from './media-type.ts'
import {
  type ResolvedTransportOptions,
  resolveTransportOptions,
  type StreamableHttpTransportOptions,
} from './options.ts'
import { readSse } from './sse-reader.ts'

/** Options of {@link connectLegacySse}. */
export interface LegacySseOptions
  extends Omit<StreamableHttpTransportOptions, 'reconnect' | 'random'> {
  /** The SSE URL (GET). */
  readonly url: string | URL
  /**
   * How long to wait for the `endpoint` event before giving up with a `TimeoutError`.
   * @default 10000
   */
  readonly endpointTimeoutMs?: number | undefined
  /** Aborts connecting; once connected, closes the connection. */
  readonly signal?: AbortSignal | undefined
}

/** How long {@link connectLegacySse} waits for the `endpoint` event unless told otherwise. */
export const DEFAULT_ENDPOINT_TIMEOUT_MS = 10_000

/**
 * Opens a 2024-11-05 HTTP+SSE connection: GETs `url`, waits for the `endpoint` event (a URL relative
 * to `url`, which must stay on the same origin), and resolves with a {@link Connection} that POSTs
 * each message there and receives `message` events. The stream ending closes the connection with a
 * `TransportError`; this era has no resumption.
 *
 * @example
 * const connection = await connectLegacySse({ url: 'http://127.0.0.1:3001/sse' })
 * const engine = createJsonRpcEngine({ connection })
 * @throws {HttpError} when the GET is refused; {@link TransportError} when the answer is not SSE, the
 * stream ends first, or the endpoint is on another origin; {@link TimeoutError} when no endpoint comes.
 */
export async function connectLegacySse(options: LegacySseOptions): Promise<Connection> {
  const resolved = resolveTransportOptions(options)
  const timeoutMs = checkTimeout(
    'endpointTimeoutMs',
    options.endpointTimeoutMs ?? DEFAULT_ENDPOINT_TIMEOUT_MS,
  )
  const lifetime = new AbortController()
  // Closing aborts `lifetime`, which detaches the link from the caller's signal.
  const { signal, release } = linkSignals(lifetime.signal, options.signal)
  let response: Response
  try {
    response = await openStream(resolved, signal)
  } catch (error) {
    release()
    throw error
  }
  const session = new LegacySseSession(resolved, { lifetime, signal, caller: options.signal })
  void session.pump(response)
  return session.ready(timeoutMs)
}

async function openStream(
  options: ResolvedTransportOptions,
  signal: AbortSignal,
): Promise<Response> {
  const { url } = options
  const headers = await requestHeaders(options, { accept: SSE_MEDIA_TYPE })
  const request: TransportRequest = { method: 'GET', url, headers, signal }
  const response = await sendExpectingOk(options, request)
  const type = mediaTypeOf(response.headers.get('content-type'))
  if (type !== SSE_MEDIA_TYPE || !response.body) {
    discardBody(response)
    throw unexpectedAnswer(request, type, 'not SSE')
  }
  options.emit({ type: 'stream:opened', stream: 'sse', url: url.href })
  return response
}

/** The signals of one session. */
interface SessionSignals {
  /** Aborted when the connection closes: stops the GET and every POST. */
  readonly lifetime: AbortController
  /** `lifetime` linked with the caller's signal. */
  readonly signal: AbortSignal
  readonly caller: AbortSignal | undefined
}

class LegacySseSession {
  readonly #options: ResolvedTransportOptions
  readonly #lifetime: AbortController
  readonly #caller: AbortSignal | undefined
  readonly #driver: ConnectionDriver
  readonly #endpoint: Promise<URL>
  #resolveEndpoint: (url: URL) => void = () => {}
  #rejectEndpoint: (error: unknown) => void = () => {}
  #hasEndpoint = false

  constructor(options: ResolvedTransportOptions, signals: SessionSignals) {
    const { lifetime, signal } = signals
    this.#options = options
    this.#lifetime = lifetime
    this.#caller = signals.caller
    this.#endpoint = new Promise((resolve, reject) => {
      this.#resolveEndpoint = resolve
      this.#rejectEndpoint = reject
    })
    this.#endpoint.catch(() => {}) // observed in ready(); never an unhandled rejection
    this.#driver = createConnection({
      send: (message) => this.#post(message),
      teardown: (reason) => {
        this.#rejectEndpoint(reason)
        lifetime.abort(reason)
      },
      signal,
    })
  }

  /** Resolves with the connection once the endpoint is known; closes it and throws otherwise. */
  async ready(timeoutMs: number): Promise<Connection> {
    const { connection } = this.#driver
    const { environment } = this.#options
    let timer: unknown
    const timeout = new Promise<never>((_, reject) => {
      const operation = 'waiting for the endpoint event'
      timer = environment.setTimeout(
        () => reject(new TimeoutError({ operation, timeoutMs })),
        timeoutMs,
      )
    })
    try {
      await Promise.race([this.#endpoint, timeout])
      return connection
    } catch (error) {
      const failure = this.#caller?.aborted
        ? abortedError(this.#caller, `GET ${this.#options.url.href}`)
        : error
      await connection.close(failure)
      throw failure
    } finally {
      environment.clearTimeout(timer)
    }
  }

  /** Reads the stream until it ends, then closes the connection. Never rejects. */
  async pump(response: Response): Promise<void> {
    const body = response.body
    if (!body) return
    const closed = { type: 'stream:closed', stream: 'sse', state: 'closed' } as const
    let reason: TransportError
    try {
      for await (const item of readSse(body, { maxBufferSize: this.#options.maxMessageBytes })) {
        if (item.type !== 'event') continue
        if (item.event === 'endpoint') this.#onEndpoint(item.data)
        else if ((item.event ?? 'message') === 'message' && item.data !== '') {
          this.#driver.deliver({ type: 'text', text: item.data })
        }
      }
      reason = connectionClosedError('The SSE stream ended')
    } catch (error) {
      if (this.#lifetime.signal.aborted) {
        // Closed on our side: the connection already has its reason.
        this.#options.emit(closed)
        return
      }
      reason = new TransportError('The SSE stream failed', { cause: error })
    }
    this.#rejectEndpoint(reason)
    this.#options.emit({ ...closed, error: reason })
    await this.#driver.connection.close(reason)
  }

  #onEndpoint(data: string): void {
    if (this.#hasEndpoint) return // the endpoint is fixed for the connection's life
    this.#hasEndpoint = true
    const base = this.#options.url
    let endpoint: URL | undefined
    try {
      endpoint = new URL(data.trim(), base)
    } catch {
      // Not a URL: `endpoint` stays undefined and is refused below.
    }
    if (endpoint === undefined || endpoint.origin !== base.origin) {
      const error = new TransportError(
        `The endpoint event named ${JSON.stringify(data.slice(0, 200))}, not a URL on ${base.origin}`,
      )
      this.#rejectEndpoint(error)
      void this.#driver.connection.close(error)
      return
    }
    this.#resolveEndpoint(endpoint)
  }

  async #post(message: OutboundMessage): Promise<void> {
    const url = await this.#endpoint
    const headers = await requestHeaders(this.#options, { 'content-type': JSON_MEDIA_TYPE })
    const signal = this.#lifetime.signal
    discardBody(
      await sendExpectingOk(this.#options, { method: 'POST', url, headers, signal, message }),
    )
  }
}
