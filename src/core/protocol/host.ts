/**
 * The narrow view of the engine that its parts (outgoing and incoming requests, batches) work
 * against, so each part stays small and testable on its own.
 *
 * @internal
 */
import type { Environment } from '../environment.ts'
import type { EngineEvent } from '../events/engine-events.ts'
import type { Subscribable } from '../events/subscribable.ts'
import type { JsonRpcId, JsonRpcParams, OutboundMessage } from './messages.ts'
import type { NotifyOptions, RequestOptions } from './request-options.ts'

/** @internal */
export interface EngineHost {
  readonly environment: Environment
  readonly events: Subscribable<EngineEvent>
  readonly isClosing: boolean
  /** Sends through the connection, reporting `message:sent` and `send:failed`. */
  send(message: OutboundMessage, relatedRequestId?: JsonRpcId): Promise<void>
  /** Sends a notification; used for cancellation, progress and handler-side notifications. */
  notify(method: string, params?: JsonRpcParams, options?: NotifyOptions): Promise<void>
  /** Sends a request; used by handlers for requests related to the one they serve. */
  request(method: string, params?: JsonRpcParams, options?: RequestOptions): Promise<unknown>
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
