/**
 * @module
 * In-memory {@link SessionStore} and {@link EventStore}: the defaults of `SessionManager` and
 * `EventTracker`, and the reference the store contract suite is written against. Values are kept as
 * JSON text, so they behave like a remote store (every `get` returns a fresh copy) and cost little
 * heap. TTLs are checked lazily on read, plus a bounded sweep on writes (every session write; event
 * appends at most every 100 ms) that looks at the oldest entries; there is no timer per entry, or at
 * all.
 */
import type {
  AfterOptions,
  AppendOptions,
  EventStore,
  EventsAfter,
  SerializedEvent,
  SessionRecord,
  SessionStore,
  StoredEvent,
} from './session-store.ts'
import { assertPositiveInteger, assertTtl, toJson } from './store-arguments.ts'

/** Entries the sweep looks at per write: enough to keep up with the writes that create entries. */
const SWEEP_PER_WRITE = 2
/**
 * The event store sweeps on a write at most this often, and looks at this many sessions: appends
 * come with every message sent, far more often than sessions start, and rotating sessions on each
 * would cost more than the append. Sessions past `maxSessions` are dropped on append regardless.
 */
const EVENT_SWEEP_EVERY_MS = 100
const EVENT_SWEEP_SESSIONS = 64
/** Streams of one session the sweep looks at: more than a write can create, so it keeps up. */
const STREAMS_PER_SWEEP = 4

/** Options of {@link createMemorySessionStore}. */
export interface MemorySessionStoreOptions {
  /** The clock TTLs are measured with, in milliseconds. @default Date.now */
  readonly now?: () => number
  /**
   * The most records kept; writing one more drops the one written longest ago. A bound of last resort:
   * `SessionManager` already caps its sessions.
   * @default 100000
   */
  readonly maxEntries?: number
}

/** The in-memory {@link SessionStore}, with `touch` and `close`. */
export interface MemorySessionStore extends SessionStore {
  readonly name: 'memory'
  /** Records held, including expired ones not swept yet. */
  readonly size: number
  touch(id: string, ttlMs: number): Promise<void>
  /** Drops every record. */
  close(): Promise<void>
}

interface Entry {
  json: string
  expiresAt: number
}

/**
 * Creates an in-memory {@link SessionStore}. Records are kept as JSON text with an expiry time.
 *
 * @example
 * const store = createMemorySessionStore({ maxEntries: 50_000 })
 * const sessions = new SessionManager({ store })
 */
export function createMemorySessionStore(
  options: MemorySessionStoreOptions = {},
): MemorySessionStore {
  const maxEntries = options.maxEntries ?? 100_000
  assertPositiveInteger(maxEntries, 'maxEntries')
  return new MemorySessionStoreImpl(options.now ?? Date.now, maxEntries)
}

class MemorySessionStoreImpl implements MemorySessionStore {
  readonly name = 'memory' as const
  // Insertion order approximates write order: writes re-insert, the sweep rotates what it keeps.
  readonly #entries = new Map<string, Entry>()
  readonly #now: () => number
  readonly #maxEntries: number

  constructor(now: () => number, maxEntries: number) {
    this.#now = now
    this.#maxEntries = maxEntries
  }

  get size(): number {
    return this.#entries.size
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const entry = this.#entries.get(id)
    if (entry === undefined) return undefined
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(id)
      return undefined
    }
    return JSON.parse(entry.json) as SessionRecord
  }

  async set(id: string, record: SessionRecord, ttlMs: number): Promise<void> {
    assertTtl(ttlMs)
    const json = toJson(record, 'session record')
    this.#entries.delete(id)
    this.#entries.set(id, { json, expiresAt: this.#now() + ttlMs })
    this.#sweep()
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break
      this.#entries.delete(oldest)
    }
  }

  async delete(id: string): Promise<void> {
    this.#entries.delete(id)
  }

  async touch(id: string, ttlMs: number): Promise<void> {
    assertTtl(ttlMs)
    const entry = this.#entries.get(id)
    if (entry === undefined) return
    const now = this.#now()
    this.#entries.delete(id)
    if (entry.expiresAt <= now) return
    entry.expiresAt = now + ttlMs
    this.#entries.set(id, entry)
  }

  async close(): Promise<void> {
    this.#entries.clear()
  }

  /** Drops the oldest entries if expired and rotates live ones to the back, so every entry gets seen. */
  #sweep(): void {
    const now = this.#now()
    let seen = 0
    for (const [id, entry] of this.#entries) {
      if (seen++ === SWEEP_PER_WRITE) break
      this.#entries.delete(id)
      if (entry.expiresAt > now) this.#entries.set(id, entry)
    }
  }
}

/** Options of {@link createMemoryEventStore}. */
export interface MemoryEventStoreOptions {
  /** The clock TTLs are measured with, in milliseconds. @default Date.now */
  readonly now?: () => number
  /** The most sessions with events; appending to one more drops the least recently appended. @default 10000 */
  readonly maxSessions?: number
  /** The most streams per session; a new stream drops the least recently appended. @default 100 */
  readonly maxStreamsPerSession?: number
}

/** The in-memory {@link EventStore}, with `close`. */
export interface MemoryEventStore extends EventStore {
  readonly name: 'memory'
  /** Sessions with events, including expired ones not swept yet. */
  readonly size: number
  /** Drops every event. */
  close(): Promise<void>
}

interface EventEntry {
  readonly id: string
  readonly json: string
  readonly expiresAt: number
}

/** The events of one session: stream id → entries in append order. */
type SessionEvents = Map<string, EventEntry[]>

/**
 * Creates an in-memory {@link EventStore}. Bounded three ways: events per stream (per append),
 * streams per session and sessions.
 *
 * @example
 * const tracker = new EventTracker({ store: createMemoryEventStore({ maxSessions: 50_000 }) })
 */
export function createMemoryEventStore(options: MemoryEventStoreOptions = {}): MemoryEventStore {
  const maxSessions = options.maxSessions ?? 10_000
  const maxStreams = options.maxStreamsPerSession ?? 100
  assertPositiveInteger(maxSessions, 'maxSessions')
  assertPositiveInteger(maxStreams, 'maxStreamsPerSession')
  return new MemoryEventStoreImpl({ now: options.now ?? Date.now, maxSessions, maxStreams })
}

class MemoryEventStoreImpl implements MemoryEventStore {
  readonly name = 'memory' as const
  // Both maps are in least-recently-appended-first order: appends re-insert.
  readonly #sessions = new Map<string, SessionEvents>()
  readonly #now: () => number
  readonly #maxSessions: number
  readonly #maxStreams: number
  #nextSweepAt = 0
  #last:
    | { sessionId: string; streamId: string; streams: SessionEvents; entries: EventEntry[] }
    | undefined = undefined

  constructor(limits: { now: () => number; maxSessions: number; maxStreams: number }) {
    this.#now = limits.now
    this.#maxSessions = limits.maxSessions
    this.#maxStreams = limits.maxStreams
  }

  get size(): number {
    return this.#sessions.size
  }

  async append(sessionId: string, event: StoredEvent, options: AppendOptions): Promise<void> {
    const json = toJson(event.message, 'event message')
    this.appendSerialized(sessionId, { id: event.id, streamId: event.streamId, json }, options)
  }

  /** Synchronous: nothing to wait for in this process. */
  appendSerialized(sessionId: string, event: SerializedEvent, options: AppendOptions): void {
    assertTtl(options.ttlMs)
    assertPositiveInteger(options.maxEventsPerStream, 'maxEventsPerStream')
    if (typeof event.json !== 'string') throw new TypeError('The event message must be JSON text')
    const now = this.#now()
    const entries = this.#entriesOf(sessionId, event.streamId)
    entries.push({ id: event.id, json: event.json, expiresAt: now + options.ttlMs })
    prune(entries, now)
    if (entries.length > options.maxEventsPerStream) {
      entries.splice(0, entries.length - options.maxEventsPerStream)
    }
    if (now >= this.#nextSweepAt) {
      this.#nextSweepAt = now + EVENT_SWEEP_EVERY_MS
      this.#sweep(now)
    }
  }

  // The entries of a stream, moved to the back of both orders. A stream gets its events in runs (a
  // reply's events one after another), and the last one appended to is at the back already: it is
  // found without moving anything, which would cost two map writes per order.
  #entriesOf(sessionId: string, streamId: string): EventEntry[] {
    const last = this.#last
    if (
      last !== undefined &&
      last.sessionId === sessionId &&
      last.streamId === streamId &&
      this.#sessions.get(sessionId) === last.streams &&
      last.streams.get(streamId) === last.entries
    ) {
      return last.entries
    }
    const streams = reinsert(this.#sessions, sessionId, () => new Map())
    dropOldest(this.#sessions, this.#maxSessions)
    const entries = reinsert(streams, streamId, () => [])
    dropOldest(streams, this.#maxStreams)
    this.#last = { sessionId, streamId, streams, entries }
    return entries
  }

  async after(
    sessionId: string,
    eventId: string,
    options: AfterOptions = {},
  ): Promise<EventsAfter | undefined> {
    const streams = this.#sessions.get(sessionId)
    if (streams === undefined) return undefined
    const now = this.#now()
    const candidates: Iterable<string> =
      options.streamId === undefined ? [...streams.keys()] : [options.streamId]
    for (const streamId of candidates) {
      const entries = streams.get(streamId)
      if (entries === undefined) continue
      prune(entries, now)
      const index = entries.findIndex((entry) => entry.id === eventId)
      const found = entries[index]
      // A shorter TTL passed to a later append can leave expired entries behind live ones.
      if (found === undefined || found.expiresAt <= now) continue
      const events = entries
        .slice(index + 1)
        .filter((entry) => entry.expiresAt > now)
        .map((entry) => toStoredEvent(entry, streamId))
      return { streamId, events }
    }
    return undefined
  }

  async deleteSession(sessionId: string): Promise<void> {
    this.#sessions.delete(sessionId)
    if (this.#last?.sessionId === sessionId) this.#last = undefined
  }

  async close(): Promise<void> {
    this.#sessions.clear()
    this.#last = undefined
  }

  /**
   * Prunes the least recently appended sessions, dropping them when empty, else rotating them.
   * Within a session only the least recently appended streams are looked at, and the walk stops at
   * the first that still holds live events: with one TTL the streams behind it are younger. The
   * work per write is bounded however many streams a session keeps.
   */
  #sweep(now: number): void {
    let seen = 0
    for (const [sessionId, streams] of this.#sessions) {
      if (seen++ === EVENT_SWEEP_SESSIONS) break
      let looked = 0
      for (const [streamId, entries] of streams) {
        if (looked++ === STREAMS_PER_SWEEP) break
        prune(entries, now)
        if (entries.length > 0) break
        streams.delete(streamId)
      }
      this.#sessions.delete(sessionId)
      if (streams.size > 0) this.#sessions.set(sessionId, streams)
    }
  }
}

/** Moves `key` to the back of `map` (creating its value if absent) and returns the value. */
function reinsert<TValue>(map: Map<string, TValue>, key: string, create: () => TValue): TValue {
  const value = map.get(key) ?? create()
  map.delete(key)
  map.set(key, value)
  return value
}

/** Deletes the front entries of `map` until it holds at most `max`. */
function dropOldest(map: Map<string, unknown>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return
    map.delete(key)
  }
}

/** Removes expired entries from the front (with one TTL, entries of a stream expire in append order). */
function prune(entries: EventEntry[], now: number): void {
  let expired = 0
  while (expired < entries.length && (entries[expired]?.expiresAt ?? 0) <= now) expired++
  if (expired > 0) entries.splice(0, expired)
}

function toStoredEvent(entry: EventEntry, streamId: string): StoredEvent {
  return { id: entry.id, streamId, message: JSON.parse(entry.json) as unknown }
}
