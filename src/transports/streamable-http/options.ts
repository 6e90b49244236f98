/**
 * The Streamable HTTP client transport's public shape (the contract the client builds on) and its
 * options, validated once when the transport is created.
 */
import type { ReconnectConfig, ReconnectConfigInput } from '../../core/config/index.ts'
import { defaultEnvironment, type Environment } from '../../core/environment.ts'
import { optionError } from '../../core/errors/config-error.ts'
import { isMcpkitError } from '../../core/errors/guards.ts'
import { TransportError } from '../../core/errors/transport-error.ts'
import { checkLimit, DEFAULT_MAX_MESSAGE_BYTES } from '../../core/protocol/limits.ts'
import { resolveReconnectOptions } from './reconnect.ts'
import type { TransportEvent } from './transport-events.ts'

/** Headers as a value, or a function called before every request (e.g. to add a fresh token). */
export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>)

/** Options of {@link createStreamableHttpTransport}. */
export interface StreamableHttpTransportOptions {
  /** The MCP endpoint. Must be `http:` or `https:`. */
  readonly url: string | URL
  /** The `fetch` to use, e.g. one wrapped with auth or logging. @default globalThis.fetch */
  readonly fetch?: typeof fetch | undefined
  /** Timers and clock. @default defaultEnvironment */
  readonly environment?: Environment | undefined
  /** How dropped streams reconnect; always bounded. @default 1 s initial, 30 s cap, factor 2, 5 retries */
  readonly reconnect?: ReconnectConfigInput | undefined
  /** Headers sent with every request, such as `Authorization`. */
  readonly headers?: HeadersOption | undefined
  /** Receives typed events: reconnections, exhaustion, invalid messages. Must not throw. */
  readonly onEvent?: ((event: TransportEvent) => void) | undefined
  /**
   * The largest JSON body or SSE event accepted, in bytes (characters for SSE).
   * @default 16 MiB
   */
  readonly maxMessageBytes?: number | undefined
  /** Jitter source for backoff delays, in [0, 1). @default Math.random */
  readonly random?: (() => number) | undefined
}

/** One HTTP exchange: POST a message, get back what the server sends for it. */
export interface PostOptions {
  /**
   * Per-request headers (MCP-Protocol-Version, Mcp-Session-Id, Mcp-Method, Mcp-Name, Mcp-Param-*).
   * They are sent on a resumption GET too, except `Content-Type` and the `Mcp-Method`/`Mcp-Name`/
   * `Mcp-Param-*` request-metadata headers, which describe a POST body.
   */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Aborting closes the response stream: in the modern era that is the cancellation. */
  readonly signal?: AbortSignal | undefined
  /**
   * Legacy era: when the SSE response closes before the response to the request arrived, wait the
   * server's `retry:` and resume with GET + `Last-Event-ID` (bounded by the reconnect options).
   * @default false
   */
  readonly resumable?: boolean | undefined
}

/** What the server answered to a POST. */
export interface PostResult {
  readonly status: number
  /** The response headers, e.g. `mcp-session-id` after `initialize`. */
  readonly headers: Headers
  /**
   * The answer came from another origin through CORS (a browser's `response.type === 'cors'`), so
   * `headers` holds only what the server exposed: `Mcp-Session-Id` is missing unless it is listed
   * in `Access-Control-Expose-Headers`. Absent (false) outside browsers.
   */
  readonly crossOrigin?: boolean | undefined
  /**
   * Messages the server sent in answer: a JSON body is one message (or several, for a 2025-03-26
   * batch); SSE yields each `message` event in order; 202 yields none. Yields as they arrive and ends
   * after the response to every request POSTed. Iterate it once.
   *
   * Fails with a `TransportError` (`CONNECTION_CLOSED`) when an SSE stream ends before that response
   * and cannot be resumed, with the abort reason when the signal aborts, and with a `TransportError`
   * for data that is not JSON.
   */
  readonly messages: AsyncIterable<unknown>
  /** Stops reading and closes the response stream, e.g. when `messages` will not be iterated. */
  cancel(): void
}

/** A fetch-based Streamable HTTP client transport for both protocol eras. */
export interface StreamableHttpTransport {
  /**
   * POSTs one message (or a 2025-03-26 batch). A non-2xx answer rejects with an `HttpError` holding
   * the parsed body (never a live stream); network failures, redirect loops and unexpected content
   * types reject with a `TransportError`.
   */
  post(message: unknown, options?: PostOptions): Promise<PostResult>
  /**
   * Runs the legacy GET stream for server-initiated messages until it ends: reconnects with
   * `Last-Event-ID` after the server's `retry:` or a backoff. Resolves when `signal` aborts, the
   * transport closes, or the server offers no stream (405). Rejects with an `HttpError` when the
   * server refuses it (404: the session ended; 401/403: credentials) and with a `TransportError`
   * when reconnection is exhausted. A throwing `onMessage` stops the stream and rejects with its error.
   */
  openGetStream(options: GetStreamOptions): Promise<void>
  /** Ends a legacy session (DELETE). 404 and 405 count as done; other failures reject typed. */
  delete(headers: Readonly<Record<string, string>>): Promise<void>
  /** Aborts every request and stream of this transport; later calls fail `CONNECTION_CLOSED`. */
  close(): Promise<void>
}

/** Options of {@link StreamableHttpTransport.openGetStream}. */
export interface GetStreamOptions {
  /** Mcp-Session-Id, MCP-Protocol-Version and the like. */
  readonly headers: Readonly<Record<string, string>>
  readonly signal: AbortSignal
  onMessage(message: unknown): void
}

/** Options after validation and defaults. @internal */
export interface ResolvedTransportOptions {
  readonly url: URL
  readonly fetch: typeof fetch
  readonly environment: Environment
  readonly reconnect: ReconnectConfig
  readonly headers: () => Promise<Headers>
  readonly emit: (event: TransportEvent) => void
  readonly maxMessageBytes: number
  readonly random: () => number
}

/**
 * Validates the options once, when the transport is created.
 *
 * @throws {ConfigError} naming the refused option.
 * @internal
 */
export function resolveTransportOptions(
  options: StreamableHttpTransportOptions,
): ResolvedTransportOptions {
  const fetchOption = options.fetch
  const onEvent = options.onEvent
  return {
    url: checkHttpUrl('url', options.url),
    fetch: fetchOption ?? ((input, init) => globalThis.fetch(input, init)),
    environment: options.environment ?? defaultEnvironment,
    reconnect: resolveReconnectOptions(options.reconnect),
    headers: headerSource(options.headers),
    emit: onEvent ? (event) => safely(onEvent, event) : () => {},
    maxMessageBytes: checkLimit(
      'maxMessageBytes',
      options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
      false,
    ),
    random: options.random ?? Math.random,
  }
}

/**
 * Parses an `http:`/`https:` URL option.
 *
 * @throws {ConfigError} naming the option.
 * @internal
 */
export function checkHttpUrl(option: string, value: string | URL): URL {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    // Not a URL: `url` stays undefined and is refused below.
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw optionError(option, String(value), 'an http: or https: URL')
  }
  return url
}

/** Turns the `headers` option into a function returning fresh `Headers`. @internal */
export function headerSource(option: HeadersOption | undefined): () => Promise<Headers> {
  if (typeof option !== 'function') return () => Promise.resolve(new Headers(option))
  return async () => {
    try {
      return new Headers(await option())
    } catch (error) {
      if (isMcpkitError(error)) throw error
      throw new TransportError('The `headers` option failed', { cause: error })
    }
  }
}

function safely(listener: (event: TransportEvent) => void, event: TransportEvent): void {
  try {
    listener(event)
  } catch {
    // A failing listener must not break the transport.
  }
}
