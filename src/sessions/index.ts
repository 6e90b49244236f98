/**
 * @module
 * Legacy-era sessions: the {@link SessionManager} (memory first, a write-behind worker persisting to a
 * {@link SessionStore}, idle/max-age/LRU cleanup) and the {@link EventTracker} (stream events for
 * `Last-Event-ID` replay, kept in an {@link EventStore}).
 */
export {
  createMemoryEventStore,
  createMemorySessionStore,
  type MemoryEventStore,
  type MemoryEventStoreOptions,
  type MemorySessionStore,
  type MemorySessionStoreOptions,
} from '../stores/memory.ts'
export type {
  AfterOptions,
  AppendOptions,
  EventStore,
  EventsAfter,
  SerializedEvent,
  SessionRecord,
  SessionStore,
  StoredEvent,
} from '../stores/session-store.ts'
export { EventTracker, type EventTrackerOptions } from './event-tracker.ts'
export type { PersistStats, StoreFailure, StoreOperation } from './persistence-worker.ts'
export type {
  EventTrackerEvent,
  ExpiryReason,
  SessionEvent,
  SessionEventType,
} from './session-events.ts'
export { type SessionEndReason, SessionManager } from './session-manager.ts'
export type { SessionManagerOptions } from './session-manager-options.ts'
export type { SessionInit, SessionPatch } from './session-record.ts'
