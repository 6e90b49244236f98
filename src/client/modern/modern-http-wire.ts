/**
 * The modern (2026-07-28) wire over Streamable HTTP: every request is its own POST carrying the
 * per-request `_meta` and the SEP-2243 headers; no session, no GET stream. A `-32022` is retried
 * with a mutual version, and a response stream that breaks before the response is re-issued once
 * under a new id (the modern era has no resumption).
 *
 * @internal
 */
import type { Environment } from '../../core/environment.ts'
import type { ModernRevision } from '../../core/eras/versions.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { TransportError } from '../../core/errors/transport-error.ts'
import { classifyMessage } from '../../core/protocol/classify.ts'
import {
  JSONRPC_VERSION,
  type JsonRpcErrorResponse,
  type JsonRpcNotification,
  type JsonRpcParams,
  type JsonRpcRequest,
} from '../../core/protocol/messages.ts'
import { withProgressToken } from '../../core/protocol/progress.ts'
import type { RetryReason } from '../client-events.ts'
import { fromHttpFailure } from '../http-errors.ts'
import type { HttpTransport } from '../http-transport.ts'
import type { Implementation, JsonObject } from '../result-types.ts'
import type { ListenEnd, RequestIds, Wire, WireListenOptions, WireRequestOptions } from '../wire.ts'
import { runExchange, StreamEndedError } from './http-exchange.ts'
import { standardHeaders, withRequestMeta } from './request-meta.ts'
import { type VersionState, withVersionRetry } from './version-state.ts'

/** What the modern HTTP wire needs. */
export interface ModernHttpWireOptions {
  readonly transport: HttpTransport
  readonly version: VersionState
  readonly capabilities: JsonObject
  readonly clientInfo: Implementation
  readonly environment: Environment
  /** Notifications the server sent with a response (log messages, …). */
  readonly onNotification: (notification: JsonRpcNotification) => void
  readonly onDropped: (reason: string, message: unknown) => void
  readonly onRetry: (method: string, reason: RetryReason) => void
  /** Shared with the probe, so ids never repeat on one connection. */
  readonly ids: RequestIds
}

/** The modern HTTP {@link Wire}. @internal */
export class ModernHttpWire implements Wire {
  readonly era = 'modern' as const
  readonly transport = 'streamable-http' as const
  readonly #options: ModernHttpWireOptions
  #closed = false

  constructor(options: ModernHttpWireOptions) {
    this.#options = options
  }

  get protocolVersion(): ModernRevision {
    return this.#options.version.current
  }

  request(
    method: string,
    params: JsonRpcParams | undefined,
    options: WireRequestOptions,
  ): Promise<unknown> {
    return withVersionRetry(
      this.#options.version,
      (version) => this.#reissuing({ method, params, version, options }),
      () => this.#options.onRetry(method, 'unsupported-version'),
    )
  }

  async notify(method: string, params?: JsonRpcParams): Promise<void> {
    const version = this.#options.version.current
    const message =
      params === undefined
        ? { jsonrpc: JSONRPC_VERSION, method }
        : { jsonrpc: JSONRPC_VERSION, method, params }
    const headers = standardHeaders({ method, params, protocolVersion: version })
    try {
      const posted = await this.#options.transport.post(message, { headers })
      for await (const _ of posted.messages) break
    } catch (error) {
      throw fromHttpFailure(error)
    }
  }

  listen(params: JsonRpcParams, options: WireListenOptions): Promise<ListenEnd> {
    return withVersionRetry(
      this.#options.version,
      (version) => this.#listenOnce({ params, version, options }),
      () => this.#options.onRetry('subscriptions/listen', 'unsupported-version'),
    )
  }

  get isClosed(): boolean {
    return this.#closed
  }

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve()
    this.#closed = true
    return this.#options.transport.close()
  }

  async #reissuing(call: Call): Promise<unknown> {
    try {
      return await this.#once(call)
    } catch (error) {
      if (!(error instanceof StreamEndedError)) throw fromHttpFailure(error)
      this.#options.onRetry(call.method, 'stream-broken')
    }
    try {
      return await this.#once(call)
    } catch (error) {
      if (!(error instanceof StreamEndedError)) throw fromHttpFailure(error)
      throw new TransportError(error.message, { cause: error.cause })
    }
  }

  #once(call: Call): Promise<unknown> {
    const { options } = call
    const id = this.#options.ids.next()
    const tracks = options.onProgress !== undefined || options.resetTimeoutOnProgress
    const message = this.#message(call, { id, progress: tracks })
    const headers = {
      ...standardHeaders({
        method: call.method,
        params: message.params,
        protocolVersion: call.version,
      }),
      ...options.headers,
    }
    return runExchange({
      transport: this.#options.transport,
      message,
      headers,
      environment: this.#options.environment,
      timing: {
        timeoutMs: options.timeoutMs,
        maxTotalTimeoutMs: options.maxTotalTimeoutMs,
        resetTimeoutOnProgress: options.resetTimeoutOnProgress,
        progressToken: tracks ? id : undefined,
        onProgress: options.onProgress,
        signal: options.signal,
      },
      onNotification: this.#options.onNotification,
      onDropped: this.#options.onDropped,
    })
  }

  #message(call: Call, at: { id: number; progress: boolean }): JsonRpcRequest {
    const withToken = at.progress ? withProgressToken(call.params, at.id) : call.params
    const params = withRequestMeta(withToken, {
      protocolVersion: call.version,
      capabilities: this.#options.capabilities,
      clientInfo: this.#options.clientInfo,
      logLevel: call.options.logLevel,
    })
    return { jsonrpc: JSONRPC_VERSION, id: at.id, method: call.method, params }
  }

  async #listenOnce(call: {
    params: JsonRpcParams
    version: ModernRevision
    options: WireListenOptions
  }): Promise<ListenEnd> {
    const id = this.#options.ids.next()
    const method = 'subscriptions/listen'
    const message = this.#message(
      { method, params: call.params, version: call.version, options: NO_TIMEOUTS },
      { id, progress: false },
    )
    const headers = standardHeaders({
      method,
      params: message.params,
      protocolVersion: call.version,
    })
    let posted: Awaited<ReturnType<HttpTransport['post']>>
    try {
      posted = await this.#options.transport.post(message, { headers, signal: call.options.signal })
    } catch (error) {
      throw fromHttpFailure(error)
    }
    return this.#readListen(posted.messages, {
      id,
      signal: call.options.signal,
      onNotification: call.options.onNotification,
    })
  }

  async #readListen(
    messages: AsyncIterable<unknown>,
    listen: {
      id: number
      signal: AbortSignal
      onNotification: (notification: JsonRpcNotification) => void
    },
  ): Promise<ListenEnd> {
    const iterator = messages[Symbol.asyncIterator]()
    // A fetch that does not tie the body to the signal (an in-process handler) must not keep a
    // closed subscription waiting for the next event.
    const stopped = new Promise<IteratorResult<unknown>>((resolve) => {
      if (listen.signal.aborted) resolve(DONE)
      else listen.signal.addEventListener('abort', () => resolve(DONE), { once: true })
    })
    try {
      for (;;) {
        const step = await Promise.race([iterator.next().catch(() => DONE), stopped])
        if (step.done) return 'dropped'
        const kind = classifyMessage(step.value)
        const response = step.value as { id?: unknown }
        if ((kind === 'result' || kind === 'error') && response.id === listen.id) {
          if (kind === 'result') return 'graceful'
          throw ProtocolError.fromJsonRpc((step.value as JsonRpcErrorResponse).error)
        }
        if (kind === 'notification') listen.onNotification(step.value as JsonRpcNotification)
        else this.#options.onDropped('unknown-listen-message', step.value)
      }
    } finally {
      iterator.return?.()?.then(undefined, () => {})
    }
  }
}

interface Call {
  readonly method: string
  readonly params: JsonRpcParams | undefined
  readonly version: ModernRevision
  readonly options: WireRequestOptions
}

const DONE: IteratorResult<unknown> = { done: true, value: undefined }

const NO_TIMEOUTS: WireRequestOptions = {
  timeoutMs: Number.POSITIVE_INFINITY,
  maxTotalTimeoutMs: Number.POSITIVE_INFINITY,
  resetTimeoutOnProgress: false,
}
