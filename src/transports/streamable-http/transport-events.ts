/**
 * The typed events the HTTP client transports report through their `onEvent` option, for logs,
 * metrics and devtools.
 */
import type { McpkitError } from '../../core/errors/base.ts'
import type { TransportError } from '../../core/errors/transport-error.ts'
import type { StreamState } from './reconnect.ts'

/**
 * Which stream an event is about: `post` is a POST's SSE response (and its legacy resumption by
 * GET), `get` the legacy GET stream for server-initiated messages, `sse` the 2024-11-05 HTTP+SSE
 * stream.
 */
export type StreamKind = 'post' | 'get' | 'sse'

/** Something that happened on a transport's streams. */
export type TransportEvent =
  | {
      readonly type: 'stream:opened'
      readonly stream: StreamKind
      readonly url: string
    }
  | {
      /** A dropped stream will be reconnected after `delayMs`. */
      readonly type: 'reconnect:scheduled'
      readonly stream: StreamKind
      readonly reason: 'server-closed' | 'network-failed'
      /** The 1-based number of this reconnection since the last message. */
      readonly attempt: number
      readonly delayMs: number
      /** Sent as `Last-Event-ID`. */
      readonly lastEventId: string | undefined
    }
  | {
      /** A reconnection succeeded and events flow again. */
      readonly type: 'reconnect:resumed'
      readonly stream: StreamKind
      readonly attempt: number
      readonly lastEventId: string | undefined
    }
  | {
      /** Reconnection gave up; `error` is what the caller receives too. */
      readonly type: 'reconnect:exhausted'
      readonly stream: StreamKind
      readonly attempts: number
      readonly error: TransportError
    }
  | {
      /** The stream ended for good; `error` says why, unless it was a quiet end. */
      readonly type: 'stream:closed'
      readonly stream: StreamKind
      readonly state: StreamState
      readonly error?: McpkitError
    }
  | {
      /** An event's `data` was not JSON; the event was skipped or failed the stream. */
      readonly type: 'message:invalid'
      readonly stream: StreamKind
      /** The start of the offending data. */
      readonly data: string
    }
