/**
 * A wire over any `Connection` (stdio, in-memory, HTTP+SSE, the legacy Streamable HTTP session),
 * run by the core JSON-RPC engine: correlation, timeouts reset by progress with a hard maximum,
 * cancellation with `notifications/cancelled`, and answers to server→client requests. In the
 * modern era it adds the per-request `_meta` and routes `subscriptions/listen` notifications by
 * their `subscriptionId`.
 *
 * @internal
 */
import type { Connection } from '../core/connection.ts'
import type { Environment } from '../core/environment.ts'
import {
  LATEST_LEGACY_REVISION,
  type ModernRevision,
  type ProtocolEra,
  type ProtocolRevision,
} from '../core/eras/versions.ts'
import { type JsonRpcEngine, startInternalEngine } from '../core/protocol/engine.ts'
import type { JsonRpcId, JsonRpcNotification, JsonRpcParams } from '../core/protocol/messages.ts'
import type { RequestHandler } from '../core/protocol/request-context.ts'
import type { RequestOptions } from '../core/protocol/request-options.ts'
import { SUBSCRIPTION_ID_META_KEY } from '../core/schemas/meta-keys.ts'
import type { ClientTransportKind, RetryReason } from './client-events.ts'
import { withRequestMeta } from './modern/request-meta.ts'
import { type VersionState, withVersionRetry } from './modern/version-state.ts'
import type { Implementation, JsonObject } from './result-types.ts'
import type { ListenEnd, Wire, WireListenOptions, WireRequestOptions } from './wire.ts'

/** What an {@link EngineWire} needs. */
export interface EngineWireOptions {
  readonly connection: Connection
  readonly transport: ClientTransportKind
  readonly environment: Environment
  readonly capabilities: JsonObject
  readonly clientInfo: Implementation
  /** Answers requests the server sends (legacy era: ping, sampling, elicitation, roots). */
  readonly onRequest: RequestHandler
  /** Notifications that belong to no listen stream. */
  readonly onNotification: (notification: JsonRpcNotification) => void
  readonly onRetry: (method: string, reason: RetryReason) => void
}

/** A {@link Wire} over a `Connection`. Starts legacy; negotiation may switch it to modern. */
export class EngineWire implements Wire {
  readonly transport: ClientTransportKind
  readonly engine: JsonRpcEngine
  readonly #options: EngineWireOptions
  readonly #listeners = new Map<JsonRpcId, (notification: JsonRpcNotification) => void>()
  #legacyVersion: ProtocolRevision = LATEST_LEGACY_REVISION
  #modern: VersionState | undefined

  constructor(options: EngineWireOptions) {
    this.#options = options
    this.transport = options.transport
    this.engine = startInternalEngine({
      connection: options.connection,
      environment: options.environment,
      onRequest: options.onRequest,
      onNotification: (notification) => this.#route(notification),
      // A 2025-03-26 server may batch; the era is not known when the engine starts.
      batches: 'accept',
    })
  }

  get era(): ProtocolEra {
    return this.#modern === undefined ? 'legacy' : 'modern'
  }

  get protocolVersion(): ProtocolRevision {
    return this.#modern?.current ?? this.#legacyVersion
  }

  get isClosed(): boolean {
    return this.engine.signal.aborted
  }

  /** Speak the modern era from now on. */
  useModern(state: VersionState): void {
    this.#modern = state
  }

  /** Speak this legacy revision from now on. */
  useLegacy(version: ProtocolRevision): void {
    this.#modern = undefined
    this.#legacyVersion = version
  }

  request(
    method: string,
    params: JsonRpcParams | undefined,
    options: WireRequestOptions,
  ): Promise<unknown> {
    const engineOptions = engineRequestOptions(method, options)
    const modern = this.#modern
    if (modern === undefined) return this.engine.request(method, params, engineOptions)
    return withVersionRetry(
      modern,
      (version) =>
        this.engine.request(method, this.#meta(params, version, options.logLevel), engineOptions),
      () => this.#options.onRetry(method, 'unsupported-version'),
    )
  }

  notify(method: string, params?: JsonRpcParams): Promise<void> {
    return this.engine.notify(method, params)
  }

  listen(params: JsonRpcParams, options: WireListenOptions): Promise<ListenEnd> {
    const modern = this.#modern
    if (modern === undefined) return Promise.reject(new TypeError('listen needs the modern era'))
    return withVersionRetry(
      modern,
      (version) => this.#listenOnce(this.#meta(params, version, undefined), options),
      () => this.#options.onRetry('subscriptions/listen', 'unsupported-version'),
    )
  }

  close(): Promise<void> {
    return this.engine.close()
  }

  #meta(params: JsonRpcParams | undefined, version: ModernRevision, logLevel: string | undefined) {
    return withRequestMeta(params, {
      protocolVersion: version,
      capabilities: this.#options.capabilities,
      clientInfo: this.#options.clientInfo,
      logLevel,
    })
  }

  async #listenOnce(params: JsonRpcParams, options: WireListenOptions): Promise<ListenEnd> {
    // The engine allocates ids; its synchronous `request:started` event names the listen's id
    // before anything is sent, so notifications can be routed from the first one on.
    let id: JsonRpcId | undefined
    const stop = this.engine.events.subscribe((event) => {
      if (event.type === 'request:started' && id === undefined) id = event.id
    })
    let pending: Promise<unknown>
    try {
      pending = this.engine.request('subscriptions/listen', params, {
        signal: options.signal,
        timeoutMs: Number.POSITIVE_INFINITY,
        maxTotalTimeoutMs: Number.POSITIVE_INFINITY,
      })
    } finally {
      stop()
    }
    if (id !== undefined) this.#listeners.set(id, options.onNotification)
    try {
      await pending
      return 'graceful'
    } finally {
      if (id !== undefined) this.#listeners.delete(id)
    }
  }

  #route(notification: JsonRpcNotification): void {
    const meta = notification.params?._meta
    const id =
      typeof meta === 'object' && meta !== null
        ? (meta as Record<string, unknown>)[SUBSCRIPTION_ID_META_KEY]
        : undefined
    const listener =
      typeof id === 'string' || typeof id === 'number' ? this.#listeners.get(id) : undefined
    if (listener !== undefined) listener(notification)
    else this.#options.onNotification(notification)
  }
}

/** The engine's options of one request. */
function engineRequestOptions(method: string, options: WireRequestOptions): RequestOptions {
  return {
    timeoutMs: options.timeoutMs,
    maxTotalTimeoutMs: options.maxTotalTimeoutMs,
    resetTimeoutOnProgress: options.resetTimeoutOnProgress,
    // `initialize` MUST NOT be cancelled.
    sendCancelled: method !== 'initialize',
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  }
}
