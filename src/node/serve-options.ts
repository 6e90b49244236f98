import type { ServerOptions } from 'node:http'
import type { NodeListenerOptions } from './http-adapter.ts'

/** What {@link serve} reports once it listens. */
export interface ListenInfo {
  /** The URL of the server's root, e.g. `http://127.0.0.1:3000/`. */
  readonly url: string
  /** The host it listens on, as given. */
  readonly host: string
  /** The port it listens on; the one the system picked when `port` was 0. */
  readonly port: number
}

/** Options of {@link serve}. */
export interface ServeOptions extends NodeListenerOptions {
  /**
   * The address to listen on. Loopback by default so a development server is never reachable from
   * the network by accident; use `'0.0.0.0'` or `'::'` to accept remote clients.
   * @default '127.0.0.1'
   */
  host?: string | undefined
  /** The port to listen on; 0 lets the system pick a free one. @default 3000 */
  port?: number | undefined
  /** Aborting it closes the server, as {@link ServedHandle.close} does. */
  signal?: AbortSignal | undefined
  /** Called once the server listens. */
  onListen?: ((info: ListenInfo) => void) | undefined
  /**
   * How long an idle keep-alive connection stays open. Set it above the idle timeout of a load
   * balancer in front (often 60 s), or the balancer may reuse a connection node is closing.
   * @default 5000 (node's default)
   */
  keepAliveTimeoutMs?: number | undefined
  /**
   * How long a client may take to send the request headers; a guard against slow-header attacks.
   * @default 60000 (node's default)
   */
  headersTimeoutMs?: number | undefined
  /**
   * How long a client may take to send the whole request (headers and body); 0 disables it. It
   * does not limit the response, so long-lived event streams are unaffected.
   * @default 300000 (node's default)
   */
  requestTimeoutMs?: number | undefined
}

/** @internal */
export interface ResolvedServeOptions {
  readonly host: string
  readonly port: number
  readonly signal: AbortSignal | undefined
  readonly onListen: ((info: ListenInfo) => void) | undefined
  readonly listener: NodeListenerOptions
  readonly server: ServerOptions
}

/**
 * Validates {@link ServeOptions} once, naming the option and the value it refuses.
 *
 * @internal
 */
export function resolveServeOptions(options: ServeOptions): ResolvedServeOptions {
  const { host = '127.0.0.1', port = 3000, signal, onListen } = options
  if (typeof host !== 'string' || host === '') {
    throw new TypeError(`The \`host\` option must be a non-empty string, got ${String(host)}`)
  }
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`The \`port\` option must be an integer from 0 to 65535, got ${port}`)
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`The \`signal\` option must be an AbortSignal, got ${String(signal)}`)
  }
  if (onListen !== undefined && typeof onListen !== 'function') {
    throw new TypeError(`The \`onListen\` option must be a function, got ${String(onListen)}`)
  }
  return {
    host,
    port,
    signal,
    onListen,
    listener: { baseUrl: options.baseUrl, onError: options.onError },
    server: serverOptions(options),
  }
}

function serverOptions(options: ServeOptions): ServerOptions {
  const server: ServerOptions = {}
  const keepAliveTimeout = duration('keepAliveTimeoutMs', options.keepAliveTimeoutMs)
  if (keepAliveTimeout !== undefined) server.keepAliveTimeout = keepAliveTimeout
  const headersTimeout = duration('headersTimeoutMs', options.headersTimeoutMs)
  const requestTimeout = duration('requestTimeoutMs', options.requestTimeoutMs)
  if (headersTimeout !== undefined) server.headersTimeout = headersTimeout
  if (requestTimeout !== undefined) server.requestTimeout = requestTimeout
  // Node refuses this pair with a less helpful message; say which options clash.
  const effectiveRequest = requestTimeout ?? 300_000
  if (headersTimeout !== undefined && effectiveRequest > 0 && headersTimeout > effectiveRequest) {
    throw new RangeError(
      `The \`headersTimeoutMs\` option (${headersTimeout}) must not exceed \`requestTimeoutMs\` (${effectiveRequest})`,
    )
  }
  return server
}

function duration(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`The \`${name}\` option must be an integer >= 0, got ${value}`)
  }
  return value
}
