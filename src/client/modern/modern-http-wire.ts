/**
 * The modern (2026-07-28) wire over Streamable HTTP: every request is its own POST carrying the
 * per-request `_meta` and the SEP-2243 headers; no session, no GET stream. A `-32022` is retried
 * with a mutual version, and a response stream that breaks before the response is re-issued once
 * under a new id (the modern era has no resumption). A `subscriptions/listen` stream is one such
 * exchange without timeouts, its notifications routed to the subscription.
 *
 * @internal
 */
import type { ModernRevision } from '../../core/eras/versions.ts'
import { TransportError } from '../../core/errors/transport-error.ts'
import {
  JSONRPC_VERSION,
  type JsonRpcNotification,
  type JsonRpcParams,
} from '../../core/protocol/messages.ts'
import { withProgressToken } from '../../core/protocol/progress.ts'
import { type ConnectContext, modernIdentity } from '../connect-context.ts'
import { fromHttpFailure } from '../http-errors.ts'
import type { HttpTransport } from '../http-transport.ts'
import {
  LISTEN_TIMING,
  type ListenEnd,
  type RequestIds,
  type Wire,
  type WireListenOptions,
  type WireRequestOptions,
} from '../wire.ts'
import { runExchange, StreamEndedError } from './http-exchange.ts'
import { type ClientIdentity, standardHeaders, withRequestMeta } from './request-meta.ts'
import { type VersionState, withVersionRetry } from './version-state.ts'

/** The endpoint a modern HTTP wire talks to. */
export interface ModernHttpTarget {
  readonly transport: HttpTransport
  /** Shared with the probe, so ids never repeat on one connection. */
  readonly ids: RequestIds
  readonly version: VersionState
}

/**
 * The modern HTTP {@link Wire}. Notifications the server sends with a response (log messages, …)
 * go to `context.onNotification`; modern servers send no requests, so it has no `notify`.
 *
 * @internal
 */
export class ModernHttpWire implements Wire {
  readonly era = 'modern' as const
  readonly transport = 'streamable-http' as const
  readonly #context: ConnectContext
  readonly #target: ModernHttpTarget
  readonly #identity: ClientIdentity
  #closed = false

  constructor(context: ConnectContext, target: ModernHttpTarget) {
    this.#context = context
    this.#target = target
    this.#identity = modernIdentity(context)
  }

  get protocolVersion(): ModernRevision {
    return this.#target.version.current
  }

  get isClosed(): boolean {
    return this.#closed
  }

  request(
    method: string,
    params: JsonRpcParams | undefined,
    options: WireRequestOptions,
  ): Promise<unknown> {
    return withVersionRetry(
      this.#target.version,
      (version) => this.#reissuing({ method, params, version, options }),
      () => this.#context.onRetry(method, 'unsupported-version'),
    )
  }

  listen(params: JsonRpcParams, options: WireListenOptions): Promise<ListenEnd> {
    const method = 'subscriptions/listen'
    return withVersionRetry(
      this.#target.version,
      (version) => {
        const call = {
          method,
          params,
          version,
          options: { ...LISTEN_TIMING, signal: options.signal },
        }
        return this.#listenOnce(call, options.onNotification)
      },
      () => this.#context.onRetry(method, 'unsupported-version'),
    )
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#target.transport.close()
  }

  async #reissuing(call: Call): Promise<unknown> {
    for (let reissued = false; ; reissued = true) {
      try {
        return await this.#once(call)
      } catch (error) {
        if (!(error instanceof StreamEndedError)) throw fromHttpFailure(error)
        if (reissued) throw new TransportError(error.message, { cause: error.cause })
      }
      this.#context.onRetry(call.method, 'stream-broken')
    }
  }

  /** One stream: `graceful` when the server ended it with its result, `dropped` when it ended. */
  async #listenOnce(call: Call, onNotification: NotificationSink): Promise<ListenEnd> {
    try {
      await this.#once(call, onNotification)
      return 'graceful'
    } catch (error) {
      if (error instanceof StreamEndedError) return 'dropped'
      throw fromHttpFailure(error)
    }
  }

  /** One POST and its response stream; a listen stream's notifications go to `onListen`. */
  #once(call: Call, onListen?: NotificationSink): Promise<unknown> {
    const { method, options } = call
    const id = this.#target.ids.next()
    const tracks = options.onProgress !== undefined || options.resetTimeoutOnProgress
    const withToken = tracks ? withProgressToken(call.params, id) : call.params
    const params = withRequestMeta(withToken, this.#identity, {
      protocolVersion: call.version,
      logLevel: options.logLevel,
    })
    const headers = {
      ...standardHeaders({ method, params, protocolVersion: call.version }),
      ...options.headers,
    }
    return runExchange({
      transport: this.#target.transport,
      message: { jsonrpc: JSONRPC_VERSION, id, method, params },
      headers,
      environment: this.#context.options.environment,
      timing: { ...options, progressToken: tracks ? id : undefined },
      onNotification: onListen ?? this.#context.onNotification,
      onDropped: onListen
        ? (_reason, message) => this.#context.onDropped('unknown-listen-message', message)
        : this.#context.onDropped,
    })
  }
}

type NotificationSink = (notification: JsonRpcNotification) => void

interface Call {
  readonly method: string
  readonly params: JsonRpcParams | undefined
  readonly version: ModernRevision
  readonly options: WireRequestOptions
}
