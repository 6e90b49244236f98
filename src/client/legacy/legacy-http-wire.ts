/**
 * A legacy Streamable HTTP session as a {@link Wire}: `initialize` and `notifications/initialized`,
 * the `Mcp-Session-Id` and `MCP-Protocol-Version` headers, the GET stream, and SPEC §4.5's expired
 * session: a 404 for the session's id re-initializes transparently and retries the request once; a
 * second 404 fails it with a `SessionError`. Closing sends DELETE.
 *
 * @internal
 */
import type { Environment } from '../../core/environment.ts'
import type { LegacyRevision, ProtocolRevision } from '../../core/eras/versions.ts'
import { ErrorCode } from '../../core/errors/codes.ts'
import { SessionError } from '../../core/errors/session-error.ts'
import type { JsonRpcNotification, JsonRpcParams } from '../../core/protocol/messages.ts'
import type { RequestHandler } from '../../core/protocol/request-context.ts'
import type { ClientEvent, RetryReason } from '../client-events.ts'
import { EngineWire } from '../engine-wire.ts'
import { fromHttpFailure, httpErrorOf } from '../http-errors.ts'
import type { HttpTransport } from '../http-transport.ts'
import type { Implementation, InitializeResult, JsonObject } from '../result-types.ts'
import type { Wire, WireRequestOptions } from '../wire.ts'
import {
  createLegacyHttpConnection,
  type LegacySessionState,
  sessionHeaders,
} from './http-connection.ts'
import { type Initialized, initialize } from './initialize.ts'

/** What a legacy HTTP session needs. */
export interface LegacyHttpWireOptions {
  readonly transport: HttpTransport
  readonly environment: Environment
  readonly offer: LegacyRevision
  readonly pinned: boolean
  readonly capabilities: JsonObject
  readonly clientInfo: Implementation
  /** Request settings of the first handshake. */
  readonly timing: WireRequestOptions
  /** Aborted when the client closes; re-initializing runs under it, not under a caller's signal. */
  readonly closing: AbortSignal
  readonly onRequest: RequestHandler
  readonly onNotification: (notification: JsonRpcNotification) => void
  readonly onRetry: (method: string, reason: RetryReason) => void
  readonly emit: (event: ClientEvent) => void
}

/** The legacy HTTP {@link Wire}. Create it with {@link LegacyHttpWire.open}. @internal */
export class LegacyHttpWire implements Wire {
  readonly era = 'legacy' as const
  readonly transport = 'streamable-http' as const
  readonly #options: LegacyHttpWireOptions
  readonly #state: LegacySessionState = { sessionId: undefined, protocolVersion: undefined }
  readonly #wire: EngineWire
  readonly #http: ReturnType<typeof createLegacyHttpConnection>
  #rules: LegacyRevision
  #initialized: InitializeResult | undefined
  #reinitializing: Promise<void> | undefined

  private constructor(options: LegacyHttpWireOptions) {
    this.#options = options
    this.#rules = options.offer
    this.#http = createLegacyHttpConnection({ transport: options.transport, state: this.#state })
    this.#wire = new EngineWire({
      connection: this.#http.connection,
      transport: 'streamable-http',
      environment: options.environment,
      capabilities: options.capabilities,
      clientInfo: options.clientInfo,
      onRequest: options.onRequest,
      onNotification: options.onNotification,
      onRetry: options.onRetry,
    })
  }

  /**
   * Initializes a session. Rejects (after releasing everything) when `initialize` fails, so the
   * caller can fall back to another transport.
   */
  static async open(options: LegacyHttpWireOptions): Promise<LegacyHttpWire> {
    const wire = new LegacyHttpWire(options)
    try {
      await wire.#handshake(options.timing)
    } catch (error) {
      await wire.#wire.close()
      throw fromHttpFailure(error)
    }
    wire.#http.openGetStream(wire.#onGetFailure)
    return wire
  }

  get protocolVersion(): ProtocolRevision {
    return this.#rules
  }

  get sessionId(): string | undefined {
    return this.#state.sessionId
  }

  get isClosed(): boolean {
    return this.#wire.isClosed
  }

  /** The server's answer to the latest `initialize`. */
  get initializeResult(): InitializeResult | undefined {
    return this.#initialized
  }

  async request(
    method: string,
    params: JsonRpcParams | undefined,
    options: WireRequestOptions,
  ): Promise<unknown> {
    const sessionId = this.#state.sessionId
    try {
      return await this.#wire.request(method, params, options)
    } catch (error) {
      if (!this.#expired(error, sessionId)) throw fromHttpFailure(error)
    }
    await this.#reinitialize(sessionId as string)
    this.#options.onRetry(method, 'session-expired')
    const retriedWith = this.#state.sessionId
    try {
      return await this.#wire.request(method, params, options)
    } catch (error) {
      if (!this.#expired(error, retriedWith)) throw fromHttpFailure(error)
      throw new SessionError({
        code: ErrorCode.SessionExpired,
        message: `${method} failed: the session expired again right after re-initializing`,
        ...(retriedWith === undefined ? {} : { sessionId: retriedWith }),
        cause: error,
      })
    }
  }

  async notify(method: string, params?: JsonRpcParams): Promise<void> {
    try {
      await this.#wire.notify(method, params)
    } catch (error) {
      throw fromHttpFailure(error)
    }
  }

  async close(): Promise<void> {
    if (this.#wire.isClosed) return
    const sessionId = this.#state.sessionId
    await this.#wire.close()
    if (sessionId !== undefined) {
      // Ending the session is a courtesy; a server without DELETE answers 405.
      await this.#options.transport.delete(sessionHeaders(this.#state)).catch(() => {})
    }
    await this.#options.transport.close().catch(() => {})
    this.#options.emit({ type: 'session:closed', sessionId })
  }

  async #handshake(timing: WireRequestOptions): Promise<void> {
    this.#state.sessionId = undefined
    this.#state.protocolVersion = undefined
    const done: Initialized = await initialize(this.#wire, { ...this.#options, timing })
    this.#rules = done.rules
    this.#initialized = done.result
    this.#state.protocolVersion = done.result.protocolVersion
    this.#wire.useLegacy(done.rules)
    this.#options.emit({
      type: 'session:opened',
      sessionId: this.#state.sessionId,
      protocolVersion: done.result.protocolVersion,
    })
  }

  /** A 404 answering a request that carried a session id: the server forgot the session. */
  #expired(error: unknown, sessionId: string | undefined): boolean {
    return sessionId !== undefined && httpErrorOf(error)?.status === 404
  }

  /** Re-initializes once for everyone who saw the same session expire. */
  async #reinitialize(expired: string): Promise<void> {
    if (this.#reinitializing === undefined && this.#state.sessionId === expired) {
      this.#options.emit({ type: 'session:expired', sessionId: expired })
      const timing = { ...this.#options.timing, signal: this.#options.closing }
      this.#reinitializing = this.#handshake(timing)
        .then(() => this.#http.openGetStream(this.#onGetFailure))
        .finally(() => {
          this.#reinitializing = undefined
        })
    }
    try {
      await this.#reinitializing
    } catch (error) {
      throw new SessionError({
        code: ErrorCode.SessionExpired,
        message: 'The session expired and re-initializing failed',
        sessionId: expired,
        cause: fromHttpFailure(error),
      })
    }
  }

  readonly #onGetFailure = (error: unknown): void =>
    this.#options.emit({ type: 'stream:failed', stream: 'get', error })
}
