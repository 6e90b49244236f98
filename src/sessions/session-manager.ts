import type { SessionConfig } from '../core/config/session-config.ts'
import type { Environment } from '../core/environment.ts'
import { AbortError } from '../core/errors/abort-error.ts'
import type { ReadonlySubscribable } from '../core/events/subscribable.ts'
import { Subscribable } from '../core/events/subscribable.ts'
import { LinkedList, type ListNode } from '../core/linked-list.ts'
import type { SessionRecord, SessionStore } from '../stores/session-store.ts'
import type { EventTracker } from './event-tracker.ts'
import { PersistenceWorker, type StoreFailure } from './persistence-worker.ts'
import type { ExpiryReason, SessionEvent } from './session-events.ts'
import {
  resolveSessionManagerOptions,
  type SessionManagerOptions,
} from './session-manager-options.ts'
import {
  applyPatch,
  buildRecord,
  isSessionRecord,
  isValidSessionId,
  type SessionInit,
  type SessionPatch,
} from './session-record.ts'
import { callStore, type StoreCallContext } from './store-call.ts'

/**
 * The most sessions one sweep expires before it yields. 500k sessions going idle together would
 * otherwise be removed in one long turn of the event loop; the ones not swept yet still expire on
 * access.
 */
const SWEEP_BATCH = 10_000

/** Why {@link SessionManager.delete} ends a session. */
export type SessionEndReason = 'closed' | 'expired' | 'evicted'

/**
 * Keeps legacy-era sessions: in memory for the hot path, in a {@link SessionStore} for other processes.
 *
 * - **Write-behind.** Its persistence worker starts in the constructor and flushes changed sessions
 *   every `persistIntervalMs`, many touches of a session costing one write; {@link SessionManager.close}
 *   flushes and stops it. New sessions are written at once, so another process can serve the
 *   client's next request.
 * - **Cleanup.** Idle timeout, maximum age (both checked on every access and by one shared sweep
 *   every `cleanupIntervalMs`), explicit close, and a cap: past `maxSessions` the least recently used
 *   session is evicted, and its client gets 404 and initializes again.
 * - **Cheap.** Per session it keeps the record, one `Map` entry and one node of the LRU list (a
 *   touch moves the node). No timer, closure or promise per session. Without a `store` option the
 *   map is all there is: a copy in an in-process store could never be read by anyone else, so none
 *   is written (and no persistence events are emitted).
 * - **Failure-tolerant.** A store that throws, hangs (`storeTimeoutMs`) or goes away never loses an
 *   in-memory session and never throws from here: failures are `store-error` events, and writes are
 *   retried by the next flush.
 *
 * @example
 * const sessions = new SessionManager({ config: { maxSessions: 50_000 } })
 * const record = await sessions.create({ revision: '2025-11-25', clientInfo })
 * // later, per request:
 * const session = sessions.peek(id) ?? (await sessions.get(id))
 * if (!session) return new Response(null, { status: 404 })
 * sessions.touch(id)
 * // on shutdown:
 * await sessions.close()
 */
export class SessionManager {
  // Each session's node in #order, the recency order (least recently used first). A touch moves the
  // node, two pointer writes: re-inserting into the map would rebuild its table every few touches
  // once it holds its capacity (a table as large as all the sessions).
  readonly #sessions = new Map<string, ListNode<SessionRecord>>()
  readonly #order = new LinkedList<SessionRecord>()
  readonly #loading = new Map<string, Promise<SessionRecord | undefined>>()
  /** Ids deleted while being read from the store: the read must not bring them back. */
  readonly #deletedWhileLoading = new Set<string>()
  readonly #forgetting = new Set<Promise<void>>()
  readonly #events = new Subscribable<SessionEvent>()
  readonly #config: SessionConfig
  readonly #store: SessionStore
  readonly #ownsStore: boolean
  /** Whether sessions are written to the store: not when it is the manager's own in-process one. */
  readonly #persists: boolean
  readonly #environment: Environment
  readonly #tracker: EventTracker | undefined
  readonly #now: () => number
  readonly #generateId: () => string
  readonly #storeCall: StoreCallContext
  readonly #worker: PersistenceWorker
  #cleanupTimer: unknown
  #closing: Promise<void> | undefined

  /** @throws {ConfigError} or `RangeError` naming a refused option. */
  constructor(options: SessionManagerOptions = {}) {
    const resolved = resolveSessionManagerOptions(options)
    this.#config = resolved.config
    this.#store = resolved.store
    this.#ownsStore = resolved.ownsStore
    this.#persists = !resolved.ownsStore
    this.#environment = resolved.environment
    this.#tracker = resolved.eventTracker
    this.#now = resolved.now
    this.#generateId = resolved.generateId
    this.#storeCall = {
      environment: resolved.environment,
      timeoutMs: resolved.storeTimeoutMs,
      store: resolved.store.name ?? 'session',
    }
    this.#worker = new PersistenceWorker({
      store: this.#store,
      call: this.#storeCall,
      intervalMs: this.#config.persistIntervalMs,
      maxPendingDeletes: this.#config.maxSessions,
      lookup: (id) => this.#sessions.get(id)?.value,
      ttlFor: (record) => this.#ttlFor(record),
      onPersisted: (stats) => {
        if (this.#events.hasListeners) this.#events.emit({ type: 'persisted', ...stats })
      },
      onFailure: (failure) => this.#reportFailure(failure),
    })
    this.#armCleanup()
  }

  /** Sessions held in memory. */
  get size(): number {
    return this.#sessions.size
  }

  /** Session lifecycle and persistence events, for metrics and devtools. */
  get events(): ReadonlySubscribable<SessionEvent> {
    return this.#events
  }

  /** The resolved settings. */
  get config(): SessionConfig {
    return this.#config
  }

  /** The tracker whose events are forgotten with their sessions, if any. */
  get eventTracker(): EventTracker | undefined {
    return this.#tracker
  }

  /**
   * Opens a session and writes it to the store at once. At the cap, the least recently used session
   * is evicted first. A failing store does not fail this: the session lives in memory and the write
   * is retried by the worker.
   *
   * @throws {AbortError} after {@link SessionManager.close}
   */
  async create(init: SessionInit): Promise<SessionRecord> {
    if (this.#closing !== undefined) {
      throw new AbortError({ operation: 'create session', reason: 'the session manager is closed' })
    }
    const id = this.#generateId()
    if (!isValidSessionId(id) || this.#sessions.has(id)) {
      throw new TypeError(
        `generateId() must return a new visible-ASCII id, got ${JSON.stringify(id)}`,
      )
    }
    const record = buildRecord(id, init, this.#now())
    this.#makeRoom()
    this.#sessions.set(id, this.#order.push(record))
    if (this.#events.hasListeners) {
      this.#events.emit({ type: 'opened', sessionId: id, revision: record.revision })
    }
    if (this.#persists) await this.#worker.write(record)
    return record
  }

  /**
   * The live session: from memory, else from the store (a session another process created).
   * `undefined` when unknown, expired, or the store cannot be read (reported as `store-error`).
   */
  async get(id: string): Promise<SessionRecord | undefined> {
    const record = this.peek(id)
    if (record !== undefined || this.#closing !== undefined) return record
    // A header value that cannot be a session id never reaches the store.
    if (!this.#persists || !isValidSessionId(id) || this.#worker.isDeleting(id)) return undefined
    const loading = this.#loading.get(id)
    if (loading !== undefined) return loading
    const load = this.#load(id).finally(() => {
      this.#loading.delete(id)
      this.#deletedWhileLoading.delete(id)
    })
    this.#loading.set(id, load)
    return load
  }

  /** The session if it is in memory and live; synchronous, for the hot path. Never reads the store. */
  peek(id: string): SessionRecord | undefined {
    return this.#liveNode(id)?.value
  }

  /** Marks the session used now; the worker refreshes its TTL in the store at the next flush. */
  touch(id: string): void {
    const node = this.#liveNode(id)
    if (node === undefined) return
    node.value.lastSeenAt = this.#now()
    this.#order.moveToBack(node)
    if (this.#persists) this.#worker.markTouched(id)
  }

  /** Changes fields of a live session (`undefined` clears one); written by the next flush. */
  update(id: string, patch: SessionPatch): void {
    const record = this.peek(id)
    if (record !== undefined && applyPatch(record, patch) && this.#persists) {
      this.#worker.markChanged(id)
    }
  }

  /**
   * Ends a session here and in the store, and forgets its replay events. Store failures are reported
   * and the deletion retried; this never rejects.
   *
   * @param reason what to report: `closed` (the default: the client's `DELETE`), `expired` or `evicted`
   */
  async delete(id: string, reason: SessionEndReason = 'closed'): Promise<void> {
    if (this.#closing !== undefined) return
    if (this.#loading.has(id)) this.#deletedWhileLoading.add(id)
    if (this.#forget(id) && this.#events.hasListeners) {
      if (reason === 'closed') this.#events.emit({ type: 'closed', sessionId: id })
      else if (reason === 'evicted') this.#events.emit({ type: 'evicted', sessionId: id })
      else this.#events.emit({ type: 'expired', sessionId: id, reason: 'requested' })
    }
    if (this.#persists) await this.#worker.remove(id)
    await this.#forgetEvents(id)
  }

  /** Writes everything changed so far now, without waiting for the worker's timer. */
  flush(): Promise<void> {
    return this.#worker.flush()
  }

  /**
   * Stops the sweep, flushes the worker and stops it, and drops the sessions from memory (they stay in
   * the store). Closes the store only if the manager created it. Idempotent; afterwards the manager
   * is inert: `create` rejects, lookups find nothing.
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown()
    return this.#closing
  }

  async #shutdown(): Promise<void> {
    this.#environment.clearTimeout(this.#cleanupTimer)
    this.#cleanupTimer = undefined
    await Promise.allSettled(this.#loading.values())
    await this.#worker.close()
    await Promise.all(this.#forgetting)
    if (this.#ownsStore) await this.#store.close?.()
    this.#sessions.clear()
    this.#order.clear()
  }

  async #load(id: string): Promise<SessionRecord | undefined> {
    let stored: SessionRecord | undefined
    try {
      stored = await callStore('get', () => this.#store.get(id), this.#storeCall)
    } catch (error) {
      this.#reportFailure({
        operation: 'get',
        error: error as StoreFailure['error'],
        failed: 1,
        sessionId: id,
      })
      return undefined
    }
    // The store's TTL already said whether it is idle; the maximum age is absolute.
    if (this.#closing !== undefined || this.#worker.isDeleting(id)) return undefined
    if (this.#deletedWhileLoading.has(id)) return undefined
    if (!isSessionRecord(stored, id)) return undefined
    const now = this.#now()
    if (now - stored.createdAt >= this.#config.maxAgeMs) return undefined
    const existing = this.#sessions.get(id)?.value
    if (existing !== undefined) return existing
    stored.lastSeenAt = now
    this.#makeRoom()
    this.#sessions.set(id, this.#order.push(stored))
    this.#worker.markTouched(id)
    if (this.#events.hasListeners) this.#events.emit({ type: 'loaded', sessionId: id })
    return stored
  }

  #expiryOf(record: SessionRecord, now: number): ExpiryReason | undefined {
    if (now - record.createdAt >= this.#config.maxAgeMs) return 'max-age'
    if (now - record.lastSeenAt >= this.#config.idleTimeoutMs) return 'idle'
    return undefined
  }

  /**
   * Store TTL = time left before the session would expire here. The store then drops an idle session
   * by itself, which is why idle expiry does not delete from the store: another process may have kept
   * the session alive, and its writes set the TTL the store honours.
   */
  #ttlFor(record: SessionRecord): number {
    const { idleTimeoutMs, maxAgeMs } = this.#config
    const end = Math.min(record.lastSeenAt + idleTimeoutMs, record.createdAt + maxAgeMs)
    return Math.max(1, end - this.#now())
  }

  // The session's node if it is in memory and live; expires it when it is due.
  #liveNode(id: string): ListNode<SessionRecord> | undefined {
    const node = this.#sessions.get(id)
    if (node === undefined || this.#closing !== undefined) return undefined
    const reason = this.#expiryOf(node.value, this.#now())
    if (reason === undefined) return node
    this.#expire(id, reason)
    return undefined
  }

  /** Drops a session from memory; false when it was not there. */
  #forget(id: string): boolean {
    const node = this.#sessions.get(id)
    if (node === undefined) return false
    this.#sessions.delete(id)
    this.#order.remove(node)
    return true
  }

  #expire(id: string, reason: ExpiryReason): void {
    this.#forget(id)
    if (this.#events.hasListeners) this.#events.emit({ type: 'expired', sessionId: id, reason })
    if (reason === 'max-age') void this.#forgetEvents(id)
  }

  /** Frees one slot if the cap is reached: the LRU session expires if it is due, else it is evicted. */
  #makeRoom(): void {
    if (this.#sessions.size < this.#config.maxSessions) return
    const now = this.#now()
    for (let record = this.#order.first; record !== undefined; record = this.#order.first) {
      if (this.#sessions.size < this.#config.maxSessions) return
      const id = record.id
      const reason = this.#expiryOf(record, now)
      if (reason !== undefined) {
        this.#expire(id, reason)
        continue
      }
      this.#forget(id)
      if (this.#persists) this.#worker.scheduleDelete(id)
      if (this.#events.hasListeners) this.#events.emit({ type: 'evicted', sessionId: id })
      void this.#forgetEvents(id)
    }
  }

  /**
   * Expires from the LRU end until the first session that is not idle (later ones are fresher), at
   * most {@link SWEEP_BATCH} of them. Returns whether due sessions are left for another turn.
   */
  #sweep(): boolean {
    const now = this.#now()
    let expired = 0
    for (let record = this.#order.first; record !== undefined; record = this.#order.first) {
      const reason = this.#expiryOf(record, now)
      if (reason === undefined) return false
      if (expired === SWEEP_BATCH) return true
      this.#expire(record.id, reason)
      expired++
    }
    return false
  }

  // A sweep that hit its batch limit continues on the next turn of the event loop, not one
  // cleanup interval later; requests get served in between.
  #armCleanup(delayMs = this.#config.cleanupIntervalMs): void {
    this.#cleanupTimer = this.#environment.setTimeout(() => {
      const more = this.#sweep()
      this.#armCleanup(more ? 0 : this.#config.cleanupIntervalMs)
    }, delayMs)
  }

  #forgetEvents(id: string): Promise<void> {
    if (this.#tracker === undefined) return Promise.resolve()
    const forgetting = this.#tracker
      .forgetSession(id)
      .finally(() => this.#forgetting.delete(forgetting))
    this.#forgetting.add(forgetting)
    return forgetting
  }

  #reportFailure(failure: StoreFailure): void {
    if (this.#events.hasListeners) this.#events.emit({ type: 'store-error', ...failure })
  }
}
