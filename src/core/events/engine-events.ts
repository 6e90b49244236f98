/**
 * The typed events a JSON-RPC engine emits. Metrics, logging and devtools subscribe to them; nothing in
 * the engine depends on anyone listening, and with no listeners no event object is ever built.
 */
import type { JsonRpcErrorObject } from '../errors/protocol-error.ts'
import type {
  JsonRpcId,
  JsonRpcMessage,
  JsonRpcNotification,
  OutboundMessage,
} from '../protocol/messages.ts'

/** Who started a request: the peer (`incoming`) or this side (`outgoing`). */
export type RequestDirection = 'incoming' | 'outgoing'

/**
 * How a request ended.
 * - `result` / `error`: a response was received (outgoing) or sent (incoming).
 * - `cancelled`: aborted through a signal (outgoing) or by the peer's `notifications/cancelled`
 *   (incoming; no response is sent).
 * - `timeout`: no response in time (outgoing only).
 * - `closed`: the engine closed first.
 * - `send-failed`: the transport refused the request (outgoing) or the response (incoming).
 */
export type RequestOutcome = 'result' | 'error' | 'cancelled' | 'timeout' | 'closed' | 'send-failed'

/**
 * Why incoming input was refused with an error response.
 * - `parse-error`: not JSON (answered `-32700`).
 * - `invalid-message`: JSON, but not a valid JSON-RPC 2.0 message (`-32600`).
 * - `too-large`: over `maxMessageBytes` (`-32600`).
 * - `batch-rejected`: a batch where the era forbids them (`-32600`).
 * - `empty-batch`: an empty array (`-32600`).
 * - `duplicate-id`: a request reusing the id of a request still in flight (`-32600`).
 */
export type InvalidReason =
  | 'parse-error'
  | 'invalid-message'
  | 'too-large'
  | 'batch-rejected'
  | 'empty-batch'
  | 'duplicate-id'

/**
 * Why a valid message was ignored without an answer.
 * - `unknown-response-id`: a response to no request in flight (late, after a timeout or cancel, or bogus).
 * - `error-without-id`: an error response whose id is null or absent, so it answers nothing we can tell.
 * - `unknown-progress-token`: progress for no request that asked for it.
 * - `invalid-progress`: `notifications/progress` with unusable params.
 * - `invalid-cancel`: `notifications/cancelled` without a usable `requestId`.
 */
export type DropReason =
  | 'unknown-response-id'
  | 'error-without-id'
  | 'unknown-progress-token'
  | 'invalid-progress'
  | 'invalid-cancel'

/** Everything a JSON-RPC engine reports. Discriminated by `type`. */
export type EngineEvent =
  | { readonly type: 'message:received'; readonly message: JsonRpcMessage }
  | { readonly type: 'message:sent'; readonly message: OutboundMessage }
  | {
      readonly type: 'message:invalid'
      readonly reason: InvalidReason
      /** The id the error response carries (`null` when it could not be read). */
      readonly id: JsonRpcId | null
      readonly error: JsonRpcErrorObject
      /** The message's size in bytes, for `too-large`. */
      readonly byteLength?: number
    }
  | {
      readonly type: 'message:dropped'
      readonly reason: DropReason
      readonly message: JsonRpcMessage
    }
  | {
      readonly type: 'request:started'
      readonly direction: RequestDirection
      readonly id: JsonRpcId
      readonly method: string
    }
  | {
      readonly type: 'request:settled'
      readonly direction: RequestDirection
      readonly id: JsonRpcId
      readonly method: string
      readonly outcome: RequestOutcome
      readonly durationMs: number
      /** The failure: what a handler threw (with internals the wire never sees), or why we gave up. */
      readonly error?: unknown
    }
  | {
      readonly type: 'error:sent'
      readonly id: JsonRpcId | null
      readonly error: JsonRpcErrorObject
    }
  | {
      readonly type: 'notification:failed'
      readonly notification: JsonRpcNotification
      readonly error: unknown
    }
  | { readonly type: 'send:failed'; readonly message: OutboundMessage; readonly error: unknown }
  | { readonly type: 'engine:closed'; readonly reason: unknown }
  /** An unexpected failure while processing one frame; the engine keeps reading. */
  | { readonly type: 'engine:error'; readonly error: unknown }

/** The event types, for filtering. */
export type EngineEventType = EngineEvent['type']
