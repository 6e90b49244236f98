/**
 * A legacy Streamable HTTP session as a {@link Wire}: `initialize` and `notifications/initialized`,
 * the `Mcp-Session-Id` and `MCP-Protocol-Version` headers, the GET stream, and SPEC §4.5's expired
 * session: a 404 for the session's id re-initializes transparently and retries the request once; a
 * second 404 fails it with a `SessionError`. Closing sends DELETE.
 *
 * @internal
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { ErrorCode } from '../../core/errors/codes.ts'
import { SessionError } from '../../core/errors/session-error.ts'
import type { JsonRpcParams } from '../../core/protocol/messages.ts'
import type { ConnectContext } from '../connect-context.ts'
import { EngineWire } from '../engine-wire.ts'
import { fromHttpFailure, httpErrorOf } from '../http-errors.ts'
import type { HttpTransport } from '../http-transport.ts'
import type { InitializeResult } from '../result-types.ts'
import type { Wire, WireRequestOptions } from '../wire.ts'
import {
  createLegacyHttpConnection,
  type LegacySessionState,
  sessionHeaders,
} from './http-connection.ts'
import { initialize } from './initialize.ts'

/** The legacy HTTP {@link Wire}. Create it with {@link LegacyHttpWire.open}. @internal */
export class LegacyHttpWire implements Wire {
  readonly era = 'legacy' as const
  readonly transport = 'streamable-http' as const
  readonly #context: ConnectContext
  readonly #transport: HttpTransport
  readonly #state: LegacySessionState = { sessionId: undefined, protocolVersion: undefined }
  readonly #wire: EngineWire
  readonly #http: ReturnType<typeof createLegacyHttpConnection>
  #initialized: InitializeResult | undefined
  #reinitializing: Promise<void> | undefined

  private constructor(context: ConnectContext, transport: HttpTransport) {
    this.#context = context
    this.#transport = transport
    this.#http = createLegacyHttpConnection(transport, this.#state)
    this.#wire = new EngineWire(context, this.#http.connection, 'streamable-http')
  }

  /**
   * Initializes a session. Rejects (after releasing everything) when `initialize` fails, so the
   * caller can fall back to another transport.
   */
  static async open(context: ConnectContext, transport: HttpTransport): Promise<LegacyHttpWire> {
    const wire = new LegacyHttpWire(context, transport)
    try {
      await wire.#handshake(context)
    } catch (error) {
      await wire.#wire.close()
      throw wire.#failure(error)
    }
    wire.#http.openGetStream(wire.#onGetFailure)
    return wire
  }

  /** The revision whose rules apply: the inner wire speaks it since the handshake. */
  get protocolVersion(): ProtocolRevision {
    return this.#wire.protocolVersion
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
    for (let retried = false; ; retried = true) {
      const sessionId = this.#state.sessionId
      try {
        return await this.#wire.request(method, params, options)
      } catch (error) {
        // A 404 to a request that carried a session id: the server forgot the session.
        if (sessionId === undefined || httpErrorOf(error)?.status !== 404) {
          throw this.#failure(error)
        }
        if (retried) {
          throw new SessionError({
            code: ErrorCode.SessionExpired,
            message: `${method} failed: the session expired again right after re-initializing`,
            sessionId,
            cause: error,
          })
        }
      }
      await this.#reinitialize(sessionId)
      this.#context.onRetry(method, 'session-expired')
    }
  }

  async notify(method: string, params?: JsonRpcParams): Promise<void> {
    try {
      await this.#wire.notify(method, params)
    } catch (error) {
      throw this.#failure(error)
    }
  }

  async close(): Promise<void> {
    if (this.#wire.isClosed) return
    const sessionId = this.#state.sessionId
    await this.#wire.close()
    if (sessionId !== undefined) {
      // Ending the session is a courtesy; a server without DELETE answers 405.
      await this.#transport.delete(sessionHeaders(this.#state)).catch(() => {})
    }
    await this.#transport.close().catch(() => {})
    this.#context.emit({ type: 'session:closed', sessionId })
  }

  /** Runs `initialize` under `context`'s signal and timeouts. */
  async #handshake(context: ConnectContext): Promise<void> {
    this.#state.sessionId = undefined
    this.#state.protocolVersion = undefined
    const done = await initialize(this.#wire, context, ({ result, rules }) => {
      this.#state.protocolVersion = result.protocolVersion
      this.#wire.useLegacy(rules)
    })
    this.#initialized = done.result
    this.#context.emit({
      type: 'session:opened',
      sessionId: this.#state.sessionId,
      protocolVersion: done.result.protocolVersion,
    })
  }

  /**
   * What a failed request rejects with. In a browser on another origin, a server that does not
   * expose `Mcp-Session-Id` makes the session look sessionless, and then refuses the requests that
   * come without the id: that gets a `SessionError` saying so, rather than a bare 400.
   */
  #failure(error: unknown): unknown {
    const status = httpErrorOf(error)?.status
    const state = this.#state
    const hidden = state.crossOrigin === true && state.sessionId === undefined
    if (!hidden || (status !== 400 && status !== 404)) return fromHttpFailure(error)
    return new SessionError({
      code: ErrorCode.SessionNotFound,
      message:
        `HTTP ${status} to a request without Mcp-Session-Id: the server is on another origin and ` +
        'must list Mcp-Session-Id in Access-Control-Expose-Headers',
      cause: fromHttpFailure(error),
    })
  }

  /** Re-initializes once for everyone who saw the same session expire. */
  async #reinitialize(expired: string): Promise<void> {
    if (this.#reinitializing === undefined && this.#state.sessionId === expired) {
      this.#context.emit({ type: 'session:expired', sessionId: expired })
      // Under the client's lifetime, not under the signal of whichever call saw the expiry.
      const context = { ...this.#context, signal: this.#context.closing }
      this.#reinitializing = this.#handshake(context)
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
    this.#context.emit({ type: 'stream:failed', stream: 'get', error })
}
