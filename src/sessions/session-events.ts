import type { StoreError } from '../core/errors/store-error.ts'
import type { StoreOperation } from './persistence-worker.ts'

/**
 * Why a session expired.
 * - `idle`: unused for `idleTimeoutMs`.
 * - `max-age`: older than `maxAgeMs`, however busy.
 * - `requested`: the application called `delete(id, 'expired')`.
 */
export type ExpiryReason = 'idle' | 'max-age' | 'requested'

/**
 * Everything a {@link SessionManager} reports, discriminated by `type`. Events describe this
 * process's memory: `opened + loaded - closed - expired - evicted` is always `manager.size`.
 *
 * - `opened`: `create` made a new session.
 * - `loaded`: `get` found a session in the store (created by another process, or evicted from memory
 *   earlier by a restart) and took it into memory.
 * - `closed`: `delete` ended a session (the client's `DELETE`, or the application).
 * - `expired`: idle timeout or maximum age; its client gets 404 and initializes again.
 * - `evicted`: dropped to stay within `maxSessions` (least recently used first); the client gets 404.
 * - `persisted`: the write-behind worker flushed.
 * - `store-error`: the store failed; the affected writes are retried by the next flush.
 *
 * @example
 * manager.events.subscribe((event) => {
 *   if (event.type === 'store-error') log.warn(event.error.message)
 * })
 */
export type SessionEvent =
  | { readonly type: 'opened'; readonly sessionId: string; readonly revision: string }
  | { readonly type: 'loaded'; readonly sessionId: string }
  | { readonly type: 'closed'; readonly sessionId: string }
  | { readonly type: 'expired'; readonly sessionId: string; readonly reason: ExpiryReason }
  | { readonly type: 'evicted'; readonly sessionId: string }
  | {
      readonly type: 'persisted'
      /** Records written whole. */
      readonly written: number
      /** TTLs refreshed without a rewrite. */
      readonly touched: number
      readonly deleted: number
      /** Operations that failed; they stay queued. */
      readonly failed: number
      readonly durationMs: number
    }
  | {
      readonly type: 'store-error'
      readonly operation: StoreOperation
      /** The (first) failure. */
      readonly error: StoreError
      /** How many operations of this kind failed in one go. */
      readonly failed: number
      /** The session, when a single one is concerned. */
      readonly sessionId?: string
    }

/** One of the {@link SessionEvent} types. */
export type SessionEventType = SessionEvent['type']

/**
 * What an {@link EventTracker} reports: its store failed. Tracking keeps working (ids are still
 * handed out); only replay of the affected events is lost.
 */
export type EventTrackerEvent = {
  readonly type: 'store-error'
  readonly operation: 'append' | 'after' | 'deleteSession'
  readonly error: StoreError
  readonly sessionId: string
}
