/**
 * The narrow view of the engine that its parts (outgoing and incoming requests, batches) work
 * against, so each part stays small and testable on its own.
 *
 * @internal
 */
import type { Environment } from '../environment.ts'
import type { JsonRpcErrorObject } from '../errors/protocol-error.ts'
import type {
  EngineEvent,
  InvalidReason,
  RequestDirection,
  RequestOutcome,
} from '../events/engine-events.ts'
import type { Subscribable } from '../events/subscribable.ts'
import type { BatchCollector } from './batch.ts'
import type { JsonRpcId, JsonRpcParams, OutboundMessage } from './messages.ts'
import type { NotifyOptions, RequestOptions } from './request-options.ts'

/** @internal */
export interface EngineHost {
  readonly environment: Environment
  /**
   * The engine's events while anyone listens, otherwise `undefined`. `observed?.emit({ … })` builds
   * the event only when someone will see it, so an unobserved engine allocates nothing for them.
   */
  readonly observed: Subscribable<EngineEvent> | undefined
  readonly isClosing: boolean
  /** Sends through the connection, reporting `message:sent` and `send:failed`. */
  send(message: OutboundMessage, relatedRequestId?: JsonRpcId): Promise<void>
  /** Sends a notification; used for cancellation, progress and handler-side notifications. */
  notify(method: string, params?: JsonRpcParams, options?: NotifyOptions): Promise<void>
  /** Sends a request; used by handlers for requests related to the one they serve. */
  request(method: string, params?: JsonRpcParams, options?: RequestOptions): Promise<unknown>
  /**
   * Answers input that never became a dispatched request (unreadable, invalid, a duplicate id) with
   * an error response: into `batch` when it came in one, otherwise on its own.
   */
  refuse(refusal: Refusal, batch: BatchCollector | undefined): void
  /** Reports `request:started` for a request in either direction, if anyone listens. */
  reportStarted(request: TrackedRequest): void
  /** Reports `request:settled`, with `error` when there is one, if anyone listens. */
  reportSettled(request: TrackedRequest, outcome: RequestOutcome, error: unknown): void
}

/** Why input was refused: the body of the `message:invalid` event, in its order. @internal */
export interface Refusal {
  readonly reason: InvalidReason
  /** The id the error response carries (`null` when it could not be read). */
  readonly id: JsonRpcId | null
  readonly error: JsonRpcErrorObject
  /** The message's size in bytes, for `too-large`. */
  readonly byteLength?: number
}

/**
 * What the request events say about a request in flight, whichever side sent it; both sides'
 * request records provide it, so one reporter serves both.
 *
 * @internal
 */
export interface TrackedRequest {
  readonly direction: RequestDirection
  readonly requestId: JsonRpcId
  readonly method: string
  /** When the request started, on the engine's clock. */
  readonly startedAt: number
}

/** A settled promise's rejection that nobody needs to see (it was already reported as an event). */
export function ignoreRejection(): void {
  // Intentionally empty: the failure was reported through `send:failed`.
}

/** Whether `value` looks like a promise; handlers may return plain values or thenables. @internal */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}
