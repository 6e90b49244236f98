/**
 * @module
 * In-memory {@link SessionStore} and {@link EventStore}: the defaults of `SessionManager` and
 * `EventTracker`, and the reference the store contract suite is written against. Values are kept as
 * JSON text, so they behave like a remote store (every `get` returns a fresh copy) and cost little
 * heap. TTLs are checked lazily on read, plus a bounded sweep on writes (every session write; event
 * appends at most every 100 ms) that looks at the oldest entries; there is no timer per entry, or at
 * all.
 */

import { LinkedList, ListEntry } from '../core/linked-list.ts'
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

/** One stream's events in append order; itself its node in its session's order. */
class StreamLog extends ListEntry<StreamLog> {
  readonly entries: EventEntry[] = []

  constructor(readonly id: string) {
    super()
  }
}

/**
 * Records by id, and least recently appended first. The order is a linked list, not the map's
 * insertion order: moving a record to the back is a few pointer writes instead of a delete and a
 * set, which would rebuild the map's table every few appends once it holds its capacity.
 */
interface RecencyIndex<T extends ListEntry<T>> {
  readonly byId: Map<string, T>
  readonly order: LinkedList<T>
}

/** One session's streams (by id, and in append order); itself its node in the store's order. */
class SessionLog extends ListEntry<SessionLog> implements RecencyIndex<StreamLog> {
  readonly byId = new Map<string, StreamLog>()
  readonly order = new LinkedList<StreamLog>()

  constructor(readonly id: string) {
    super()
  }
}

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
  readonly #sessions: RecencyIndex<SessionLog> = { byId: new Map(), order: new LinkedList() }
  readonly #now: () => number
  readonly #maxSessions: number
  readonly #maxStreams: number
  #nextSweepAt = 0
  // The stream appended to last, and its session: a reply's events come one after another, and
  // both are at the back of their orders already.
  #lastSession: SessionLog | undefined = undefined
  #lastStream: StreamLog | undefined = undefined

  constructor(limits: { now: () => number; maxSessions: number; maxStreams: number }) {
    this.#now = limits.now
    this.#maxSessions = limits.maxSessions
    this.#maxStreams = limits.maxStreams
  }

  get size(): number {
    return this.#sessions.byId.size
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

  // The entries of a stream, moved to the back of both orders (created if absent).
  #entriesOf(sessionId: string, streamId: string): EventEntry[] {
    const lastStream = this.#lastStream
    const lastSession = this.#lastSession
    if (
      lastStream?.listed === true &&
      lastSession?.listed === true &&
      lastStream.id === streamId &&
      lastSession.id === sessionId
    ) {
      return lastStream.entries
    }
    const session = appendedTo(this.#sessions, SessionLog, sessionId)
    dropPast(this.#sessions, this.#maxSessions)
    const stream = appendedTo(session, StreamLog, streamId)
    dropPast(session, this.#maxStreams)
    this.#lastSession = session
    this.#lastStream = stream
    return stream.entries
  }

  async after(
    sessionId: string,
    eventId: string,
    options: AfterOptions = {},
  ): Promise<EventsAfter | undefined> {
    const session = this.#sessions.byId.get(sessionId)
    if (session === undefined) return undefined
    const now = this.#now()
    const candidates: Iterable<string> =
      options.streamId === undefined ? [...session.byId.keys()] : [options.streamId]
    for (const streamId of candidates) {
      const entries = session.byId.get(streamId)?.entries
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
    const session = this.#sessions.byId.get(sessionId)
    if (session !== undefined) drop(this.#sessions, session)
  }

  async close(): Promise<void> {
    this.#sessions.byId.clear()
    this.#sessions.order.clear()
    this.#lastSession = undefined
    this.#lastStream = undefined
  }

  /**
   * Prunes the least recently appended sessions, dropping them when empty, else rotating them.
   * Within a session only the least recently appended streams are looked at, and the walk stops at
   * the first that still holds live events: with one TTL the streams behind it are younger. The
   * work per write is bounded however many streams a session keeps.
   */
  #sweep(now: number): void {
    const count = Math.min(EVENT_SWEEP_SESSIONS, this.#sessions.byId.size)
    for (let seen = 0; seen < count; seen++) {
      const session = this.#sessions.order.first
      if (session === undefined) return
      for (let looked = 0; looked < STREAMS_PER_SWEEP; looked++) {
        const stream = session.order.first
        if (stream === undefined) break
        prune(stream.entries, now)
        if (stream.entries.length > 0) break
        dropFirst(session)
      }
      if (session.byId.size > 0) this.#sessions.order.moveToBack(session)
      else dropFirst(this.#sessions)
    }
  }
}

/** The record under `id`, moved to the back of the order (most recently appended); created if absent. */
function appendedTo<T extends ListEntry<T> & { readonly id: string }>(
  index: RecencyIndex<T>,
  Record: new (id: string) => T,
  id: string,
): T {
  const found = index.byId.get(id)
  if (found !== undefined) {
    index.order.moveToBack(found)
    return found
  }
  const created = index.order.pushNode(new Record(id))
  index.byId.set(id, created)
  return created
}

/** Drops the least recently appended records while there are more than `max`. */
function dropPast<T extends ListEntry<T> & { readonly id: string }>(
  index: RecencyIndex<T>,
  max: number,
): void {
  while (index.byId.size > max) dropFirst(index)
}

/** Drops the least recently appended record. */
function dropFirst<T extends ListEntry<T> & { readonly id: string }>(index: RecencyIndex<T>): void {
  const first = index.order.first
  if (first !== undefined) drop(index, first)
}

/** Drops a record from both the map and the order. */
function drop<T extends ListEntry<T> & { readonly id: string }>(
  index: RecencyIndex<T>,
  record: T,
): void {
  index.order.remove(record)
  index.byId.delete(record.id)
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
