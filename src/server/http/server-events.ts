/**
 * What the HTTP server reports as it works, for metrics and devtools. Events are built only when
 * someone subscribed (`events.hasListeners`), so an unobserved server pays nothing.
 */
import type { ProtocolEra } from '../../core/eras/versions.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'

/**
 * The kinds of SSE streams: a request's reply (`reply`), a modern `subscriptions/listen` stream
 * (`listen`), a legacy GET stream or its resumption (`get`), and a 2024-11-05 HTTP+SSE connection
 * (`http-sse`).
 */
export type StreamKind = 'reply' | 'listen' | 'get' | 'http-sse'

/** How a request ended. */
export type RequestOutcome = 'result' | 'error' | 'cancelled' | 'timeout' | 'shutdown'

/** Why the server refused an HTTP request before reading its message. */
export type RejectionReason =
  | 'host'
  | 'origin'
  | 'overloaded'
  | 'closing'
  | 'body-too-large'
  | 'content-type'
  | 'accept'
  | 'method'

/**
 * Every event of `server.events`, discriminated by `type`.
 *
 * @example
 * server.events.subscribe((event) => {
 *   if (event.type === 'request:settled') histogram.observe(event.durationMs, { method: event.method })
 * })
 */
export type McpServerEvent =
  | {
      readonly type: 'request:received'
      readonly era: ProtocolEra
      readonly method: string
      readonly id: JsonRpcId
      readonly sessionId?: string
    }
  | {
      readonly type: 'request:settled'
      readonly era: ProtocolEra
      readonly method: string
      readonly id: JsonRpcId
      readonly sessionId?: string
      readonly outcome: RequestOutcome
      readonly durationMs: number
    }
  | {
      readonly type: 'notification:received'
      readonly era: ProtocolEra
      readonly method: string
      readonly sessionId?: string
    }
  | { readonly type: 'session:opened'; readonly sessionId: string; readonly revision: string }
  | {
      readonly type: 'session:closed'
      readonly sessionId: string
      readonly reason: 'deleted' | 'expired' | 'evicted' | 'disconnected'
    }
  | {
      readonly type: 'stream:opened'
      readonly kind: StreamKind
      readonly era: ProtocolEra
      readonly sessionId?: string
    }
  | {
      readonly type: 'stream:closed'
      readonly kind: StreamKind
      readonly era: ProtocolEra
      readonly sessionId?: string
    }
  | { readonly type: 'http:rejected'; readonly status: number; readonly reason: RejectionReason }
  | { readonly type: 'error'; readonly phase: string; readonly error: unknown }

/** One of the {@link McpServerEvent} types. */
export type McpServerEventType = McpServerEvent['type']
