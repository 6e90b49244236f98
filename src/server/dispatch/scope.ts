/**
 * What a transport tells the dispatcher about the request being served, and the channels the
 * dispatcher answers through. Transports (Streamable HTTP, stdio) implement these; the dispatcher
 * only reads and calls them, so one server definition serves every transport and both eras.
 */
import type { ProtocolEra, ProtocolRevision } from '../../core/eras/versions.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'
import type { LoggingLevel } from '../registry/content-types.ts'

/**
 * Live per-session state the dispatcher reads and updates (legacy era only). The HTTP transport
 * backs it with its session record; stdio keeps one for the process.
 */
export interface SessionHandle {
  /** The `Mcp-Session-Id`; `''` for stdio. */
  readonly id: string
  /**
   * Set by `logging/setLevel`. `undefined` until the client sets one: mcpkit then sends every
   * level (the spec leaves the default to the server).
   */
  logLevel: LoggingLevel | undefined
  /** Resource URIs the client subscribed to with `resources/subscribe`. */
  readonly subscriptions: Set<string>
}

/** Options of a server→client request made while serving a request (legacy era). */
export interface ChannelRequestOptions {
  /** Aborts the request (the server request's own signal is passed by default). */
  readonly signal?: AbortSignal
  /** Fails the request when the client has not answered in time; the transport's default if absent. */
  readonly timeoutMs?: number
}

/** Sends messages related to the request being served. */
export interface RequestChannel {
  /**
   * A notification on the request's own stream (progress, log messages). Over legacy HTTP this
   * upgrades the response to SSE.
   */
  notify(method: string, params: Readonly<Record<string, unknown>>): Promise<void>
  /**
   * Legacy only: a server→client request (`sampling/createMessage`, `elicitation/create`,
   * `roots/list`) on the request's stream. Resolves with the client's result and rejects with a
   * `ProtocolError` on an error response. Absent in the modern era, where multi round-trip requests
   * replace it.
   */
  request?(
    method: string,
    params: Readonly<Record<string, unknown>>,
    options?: ChannelRequestOptions,
  ): Promise<unknown>
  /**
   * Legacy HTTP only: closes the request's SSE connection now without ending its stream (SSE
   * polling, SEP-1699). The client waits the announced `retry`, then resumes with GET and
   * `Last-Event-ID`; the rest of the request's messages are replayed there. Absent elsewhere.
   */
  closeStream?(): void
}

/** Everything a handler may know about the request being served. Built by the transport. */
export interface RequestScope {
  readonly era: ProtocolEra
  /** Negotiated (legacy session) or read from `_meta` (modern). */
  readonly revision: ProtocolRevision
  readonly requestId: JsonRpcId
  /** Aborted on cancellation, when the stream closes, or at server shutdown. */
  readonly signal: AbortSignal
  /**
   * Whether `signal` has aborted, for a transport that can tell without building the signal (it
   * is made on first use). Left out, `signal.aborted` is read.
   */
  readonly aborted?: boolean
  /** From `initialize` (legacy) or the request's `_meta` (modern). */
  readonly clientCapabilities: Readonly<Record<string, unknown>>
  readonly clientInfo: Readonly<Record<string, unknown>> | undefined
  /** Legacy only: the HTTP session or the stdio process state. */
  readonly session: SessionHandle | undefined
  /** Messages related to this request. */
  readonly channel: RequestChannel
}

/** What {@link RequestScope} a client notification arrives with: no id and no channel. */
export type NotificationScope = Omit<RequestScope, 'requestId' | 'channel'>
