/**
 * The seam between the client's API and the wire it negotiated: modern HTTP (one POST per request),
 * legacy Streamable HTTP (a session), HTTP+SSE, or any `Connection` (stdio, in-memory). The API
 * above it (MRTR, caching, pagination, listen) is the same for all of them.
 *
 * @internal
 */
import type { ProtocolEra, ProtocolRevision } from '../core/eras/versions.ts'
import type {
  JsonRpcNotification,
  JsonRpcParams,
  ProgressParams,
} from '../core/protocol/messages.ts'
import type { ClientTransportKind } from './client-events.ts'

/** Per-request settings, already resolved against the client's defaults. */
export interface WireRequestOptions {
  readonly signal?: AbortSignal | undefined
  readonly timeoutMs: number
  readonly maxTotalTimeoutMs: number
  readonly resetTimeoutOnProgress: boolean
  readonly onProgress?: ((progress: ProgressParams) => void) | undefined
  /** Modern era: `_meta` log level of this request. */
  readonly logLevel?: string | undefined
  /** HTTP: extra headers of this request (`Mcp-Param-*`). */
  readonly headers?: Record<string, string> | undefined
}

/** A `subscriptions/listen` stream is meant to stay open: no idle or total timeout applies. */
export const LISTEN_TIMING = {
  timeoutMs: Number.POSITIVE_INFINITY,
  maxTotalTimeoutMs: Number.POSITIVE_INFINITY,
  resetTimeoutOnProgress: false,
} as const satisfies WireRequestOptions

/** How a `subscriptions/listen` stream ended. */
export type ListenEnd = 'graceful' | 'dropped'

/** Options of one listen stream. */
export interface WireListenOptions {
  readonly signal: AbortSignal
  /** Every notification of this subscription, the acknowledgement first. */
  readonly onNotification: (notification: JsonRpcNotification) => void
}

/** One negotiated wire. */
export interface Wire {
  readonly era: ProtocolEra
  /** The version requests carry now (it may change after a `-32022` retry). */
  readonly protocolVersion: ProtocolRevision
  readonly transport: ClientTransportKind
  /** Legacy Streamable HTTP: the current session id. */
  readonly sessionId?: string | undefined
  /** `true` once the wire closed, for whatever reason. */
  readonly isClosed: boolean
  /** Sends one request and resolves with its raw `result`. */
  request(
    method: string,
    params: JsonRpcParams | undefined,
    options: WireRequestOptions,
  ): Promise<unknown>
  /** Sends one notification. Legacy era only: a modern HTTP wire has none to send. */
  notify?(method: string, params?: JsonRpcParams): Promise<void>
  /** Modern era: runs one `subscriptions/listen` stream until it ends. */
  listen?(params: JsonRpcParams, options: WireListenOptions): Promise<ListenEnd>
  close(): Promise<void>
}

/** Request ids of one HTTP connection: the probe and every later POST draw from one counter. */
export class RequestIds {
  #last = 0

  /** The next id. */
  next(): number {
    this.#last += 1
    return this.#last
  }
}
