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
import {
  LATEST_LEGACY_REVISION,
  type ModernRevision,
  type ProtocolEra,
  type ProtocolRevision,
} from '../core/eras/versions.ts'
import { type JsonRpcEngine, startInternalEngine } from '../core/protocol/engine.ts'
import type { JsonRpcId, JsonRpcNotification, JsonRpcParams } from '../core/protocol/messages.ts'
import type { RequestOptions } from '../core/protocol/request-options.ts'
import type { ClientTransportKind } from './client-events.ts'
import { type ConnectContext, modernIdentity } from './connect-context.ts'
import { type ClientIdentity, subscriptionIdOf, withRequestMeta } from './modern/request-meta.ts'
import { type VersionState, withVersionRetry } from './modern/version-state.ts'
import {
  LISTEN_TIMING,
  type ListenEnd,
  type Wire,
  type WireListenOptions,
  type WireRequestOptions,
} from './wire.ts'

/**
 * A {@link Wire} over a `Connection`. Starts legacy; negotiation may switch it to modern. Requests
 * the server sends are answered by `context.onRequest`; notifications that belong to no listen
 * stream go to `context.onNotification`.
 */
export class EngineWire implements Wire {
  readonly transport: ClientTransportKind
  readonly #engine: JsonRpcEngine
  readonly #context: ConnectContext
  readonly #identity: ClientIdentity
  readonly #listeners = new Map<JsonRpcId, (notification: JsonRpcNotification) => void>()
  #legacyVersion: ProtocolRevision = LATEST_LEGACY_REVISION
  #modern: VersionState | undefined

  constructor(context: ConnectContext, connection: Connection, transport: ClientTransportKind) {
    this.#context = context
    this.#identity = modernIdentity(context)
    this.transport = transport
    this.#engine = startInternalEngine({
      connection,
      environment: context.options.environment,
      onRequest: context.onRequest,
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
    return this.#engine.signal.aborted
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
    // The engine reads an absent option and an `undefined` one alike; `initialize` MUST NOT be
    // cancelled.
    const engineOptions = { ...options, sendCancelled: method !== 'initialize' } as RequestOptions
    const modern = this.#modern
    if (modern === undefined) return this.#engine.request(method, params, engineOptions)
    return withVersionRetry(
      modern,
      (version) =>
        this.#engine.request(method, this.#meta(params, version, options.logLevel), engineOptions),
      () => this.#context.onRetry(method, 'unsupported-version'),
    )
  }

  notify(method: string, params?: JsonRpcParams): Promise<void> {
    return this.#engine.notify(method, params)
  }

  listen(params: JsonRpcParams, options: WireListenOptions): Promise<ListenEnd> {
    const modern = this.#modern
    if (modern === undefined) return Promise.reject(new TypeError('listen needs the modern era'))
    return withVersionRetry(
      modern,
      (version) => this.#listenOnce(this.#meta(params, version, undefined), options),
      () => this.#context.onRetry('subscriptions/listen', 'unsupported-version'),
    )
  }

  close(): Promise<void> {
    return this.#engine.close()
  }

  #meta(params: JsonRpcParams | undefined, version: ModernRevision, logLevel: string | undefined) {
    return withRequestMeta(params, this.#identity, { protocolVersion: version, logLevel })
  }

  async #listenOnce(params: JsonRpcParams, options: WireListenOptions): Promise<ListenEnd> {
    // The engine allocates ids; its synchronous `request:started` event names the listen's id
    // before anything is sent, so notifications can be routed from the first one on.
    let id: JsonRpcId | undefined
    const stop = this.#engine.events.subscribe((event) => {
      if (event.type === 'request:started' && id === undefined) id = event.id
    })
    let pending: Promise<unknown>
    try {
      pending = this.#engine.request('subscriptions/listen', params, {
        ...LISTEN_TIMING,
        signal: options.signal,
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
    const id = subscriptionIdOf(notification)
    const listener = id === undefined ? undefined : this.#listeners.get(id)
    if (listener !== undefined) listener(notification)
    else this.#context.onNotification(notification)
  }
}
