import {
  resolveSessionConfig,
  type SessionConfig,
  type SessionConfigInput,
} from '../core/config/session-config.ts'
import { defaultEnvironment, type Environment } from '../core/environment.ts'
import { createMemorySessionStore } from '../stores/memory.ts'
import type { SessionStore } from '../stores/session-store.ts'
import type { EventTracker } from './event-tracker.ts'
import { resolveStoreTimeoutMs } from './store-call.ts'

/**
 * Options of {@link SessionManager}.
 *
 * @example
 * const manager = new SessionManager({
 *   store: createMemorySessionStore(),
 *   config: { idleTimeoutMs: 10 * 60_000, maxSessions: 50_000 },
 *   eventTracker: new EventTracker(),
 * })
 */
export interface SessionManagerOptions {
  /**
   * Where sessions are persisted, so that another process (or this one, after eviction from memory
   * by a restart) can find them. A store you pass stays yours: the manager never closes it.
   * @default a memory store the manager owns and closes
   */
  readonly store?: SessionStore | undefined
  /** Timeouts, the session cap and the worker's intervals. @default resolveSessionConfig() */
  readonly config?: SessionConfigInput | undefined
  /** Timers (the worker's and the sweep's). @default defaultEnvironment */
  readonly environment?: Environment | undefined
  /** Forgets a session's replay events when the session ends. @default none */
  readonly eventTracker?: EventTracker | undefined
  /**
   * The wall clock for `createdAt`/`lastSeenAt`, in epoch milliseconds. Records are shared between
   * processes, so this is not the environment's monotonic clock.
   * @default Date.now
   */
  readonly now?: (() => number) | undefined
  /** Makes session ids: unguessable, visible ASCII. @default crypto.randomUUID() */
  readonly generateId?: (() => string) | undefined
  /**
   * How long one call to a store you pass (or one batch of the worker's writes) may take before it
   * counts as failed; keeps a store that hangs from hanging the manager. The default memory store
   * gets no deadline (and so no timer).
   * @default 5000
   */
  readonly storeTimeoutMs?: number | undefined
}

/** @internal */
export interface ResolvedSessionManagerOptions {
  readonly config: SessionConfig
  readonly store: SessionStore
  readonly ownsStore: boolean
  readonly environment: Environment
  readonly eventTracker: EventTracker | undefined
  readonly now: () => number
  readonly generateId: () => string
  readonly storeTimeoutMs: number
}

/** @internal */
export function resolveSessionManagerOptions(
  options: SessionManagerOptions,
): ResolvedSessionManagerOptions {
  const config = resolveSessionConfig(options.config)
  const storeTimeoutMs = resolveStoreTimeoutMs(options.storeTimeoutMs)
  const now = options.now ?? Date.now
  return {
    config,
    // Room for the live sessions plus expired copies the store's TTL has not dropped yet.
    store: options.store ?? createMemorySessionStore({ now, maxEntries: config.maxSessions * 2 }),
    ownsStore: options.store === undefined,
    environment: options.environment ?? defaultEnvironment,
    eventTracker: options.eventTracker,
    now,
    generateId: options.generateId ?? (() => globalThis.crypto.randomUUID()),
    storeTimeoutMs: options.store === undefined ? Number.POSITIVE_INFINITY : storeTimeoutMs,
  }
}
