/**
 * Per-call options of the engine's `request` and `notify`.
 */
import type { JsonRpcId, ProgressParams } from './messages.ts'

/** Options of one outgoing request. */
export interface RequestOptions {
  /**
   * Cancels the request. Aborting before the request is sent rejects at once and sends nothing;
   * aborting in flight rejects with an `AbortError` carrying the signal's reason and (when enabled)
   * sends `notifications/cancelled`.
   */
  readonly signal?: AbortSignal
  /**
   * Idle timeout: how long to wait for the response, or, with `resetTimeoutOnProgress`, for the next
   * progress notification. `Infinity` disables it. @default the engine's `defaultTimeoutMs`
   */
  readonly timeoutMs?: number
  /**
   * Hard limit on the request's total time, however much progress arrives. `Infinity` disables it.
   * @default the engine's `maxTotalTimeoutMs`
   */
  readonly maxTotalTimeoutMs?: number
  /**
   * Restart the idle timeout whenever progress for this request arrives. Implies a progress token.
   * @default false
   */
  readonly resetTimeoutOnProgress?: boolean
  /**
   * Receives the request's progress notifications. Setting it adds `_meta.progressToken` to the
   * params. If it throws, the request fails with that error (and is cancelled at the peer).
   */
  readonly onProgress?: (progress: ProgressParams) => void
  /**
   * Send `notifications/cancelled` when this request is aborted or times out.
   * Set `false` for requests that must never be cancelled, such as `initialize`.
   * @default the engine's `sendCancelled`
   */
  readonly sendCancelled?: boolean
  /** The incoming request this one is sent on behalf of (see `SendOptions.relatedRequestId`). */
  readonly relatedRequestId?: JsonRpcId
}

/** Options of one outgoing notification. */
export interface NotifyOptions {
  /** The incoming request this notification belongs to (see `SendOptions.relatedRequestId`). */
  readonly relatedRequestId?: JsonRpcId
}
