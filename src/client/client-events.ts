/**
 * The typed events a client emits. Metrics, logging and devtools subscribe through
 * `client.events`; with no listener no event object is built.
 */
import type { ProtocolEra } from '../core/eras/versions.ts'
import type { JsonRpcId } from '../core/protocol/messages.ts'
import type { TransportEvent } from '../transports/streamable-http/index.ts'

/** Which wire the client ended up speaking. */
export type ClientTransportKind = 'streamable-http' | 'http+sse' | 'connection'

/** How the era and version were decided. */
export type NegotiationSource =
  /** `protocolVersion` was pinned: no probe. */
  | 'pinned'
  /** The era cache remembered this endpoint. */
  | 'cache'
  /** A `server/discover` probe (or its modern error) answered. */
  | 'discover'
  /** The legacy `initialize` handshake. */
  | 'initialize'

/** Why a request was sent again. */
export type RetryReason =
  /** `-32022`: retried with a version from `data.supported`. */
  | 'unsupported-version'
  /** Modern HTTP: the response stream broke before the response; re-issued under a new id. */
  | 'stream-broken'
  /** Legacy HTTP: the session expired (404); re-initialized and retried. */
  | 'session-expired'
  /** `-32020` on `tools/call`: tool schemas were re-listed and the call retried. */
  | 'header-mismatch'

/** How a request ended. */
export type ClientRequestOutcome = 'result' | 'error' | 'timeout' | 'cancelled' | 'failed'

/** Everything a client reports. Discriminated by `type`. */
export type ClientEvent =
  | {
      readonly type: 'negotiation:settled'
      readonly era: ProtocolEra
      readonly protocolVersion: string
      readonly transport: ClientTransportKind
      readonly source: NegotiationSource
    }
  | { readonly type: 'negotiation:fallback'; readonly from: string; readonly to: string }
  | {
      readonly type: 'request:settled'
      readonly method: string
      readonly era: ProtocolEra
      readonly outcome: ClientRequestOutcome
      readonly durationMs: number
      readonly error?: unknown
    }
  | { readonly type: 'request:retried'; readonly method: string; readonly reason: RetryReason }
  | {
      readonly type: 'input:required'
      readonly method: string
      readonly round: number
      readonly inputs: readonly string[]
    }
  | {
      readonly type: 'session:opened'
      readonly sessionId: string | undefined
      readonly protocolVersion: string
    }
  | { readonly type: 'session:expired'; readonly sessionId: string }
  | { readonly type: 'session:closed'; readonly sessionId: string | undefined }
  | { readonly type: 'tool:dropped'; readonly name: string; readonly reason: string }
  | {
      readonly type: 'listen:acknowledged'
      readonly subscriptionId: JsonRpcId
      readonly notifications: unknown
    }
  | { readonly type: 'listen:reconnecting'; readonly attempt: number; readonly delayMs: number }
  | { readonly type: 'listen:ended'; readonly graceful: boolean }
  | { readonly type: 'listen:exhausted'; readonly attempts: number; readonly error: unknown }
  | { readonly type: 'cache:hit'; readonly method: string; readonly key: string }
  | { readonly type: 'cache:invalidated'; readonly methods: readonly string[] }
  | { readonly type: 'message:dropped'; readonly reason: string; readonly message: unknown }
  | { readonly type: 'stream:failed'; readonly stream: 'get' | 'listen'; readonly error: unknown }
  /** Something the HTTP transport reported: reconnections, resumption, exhaustion. */
  | { readonly type: 'transport'; readonly event: TransportEvent }
  | { readonly type: 'client:closed' }
