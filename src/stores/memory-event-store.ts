/**
 * @module
 * The in-memory {@link EventStore}, the default of `EventTracker`. Each session's events are records
 * in one byte buffer, oldest first (layout in `event-bytes.ts`), not objects: a server answering
 * over SSE records every event it sends, and events kept as objects outlive young collections, get
 * copied into the old generation and are marked there until they expire, on every request. Bytes
 * cost the collector nothing; a replay decodes what it needs.
 *
 * Limits on streams per session and events per stream are applied when a replay reads the log
 * (an event past them is not found), and bytes per session when appending (the oldest records go).
 */

import { LinkedList, ListEntry } from '../core/linked-list.ts'
import {
  ID_TEXT,
  JSON_TEXT,
  recordBound,
  recordExpiresAt,
  recordIdIs,
  recordMaxEvents,
  recordSize,
  recordSizeOf,
  recordStreamIdIs,
  recordText,
  STREAM_ID_TEXT,
  writeRecord,
} from './event-bytes.ts'
import type {
  AfterOptions,
  AppendOptions,
  EventStore,
  EventsAfter,
  SerializedEvent,
  StoredEvent,
} from './session-store.ts'
import { assertPositiveInteger, assertTtl, toJson } from './store-arguments.ts'

/**
 * The store sweeps on an append at most this often, and looks at this many sessions: appends come
 * with every message sent, far more often than sessions start.
 */
const SWEEP_EVERY_MS = 100
const SWEEP_SESSIONS = 64
/** A session's first buffer; it doubles as needed. */
const FIRST_BUFFER_BYTES = 256
const EMPTY = new Uint8Array(0)

/** Options of {@link createMemoryEventStore}. */
export interface MemoryEventStoreOptions {
  /** The clock TTLs are measured with, in milliseconds. @default Date.now */
  readonly now?: () => number
  /** The most sessions with events; appending to one more drops the least recently appended. @default 10000 */
  readonly maxSessions?: number
  /**
   * The most streams per session; a stream that this many others were appended to since it was
   * last can no longer be replayed. @default 100
   */
  readonly maxStreamsPerSession?: number
  /**
   * Bytes of events kept per session (about the JSON's length, twice that for non-ASCII text); the
   * oldest go first. An event larger than this is kept alone until the next one comes: to replay
   * large results, raise it above them. @default 1048576 (1 MiB)
   */
  readonly maxBytesPerSession?: number
}

/** The in-memory {@link EventStore}, with `close`. */
export interface MemoryEventStore extends EventStore {
  readonly name: 'memory'
  /** Sessions with events, including expired ones not swept yet. */
  readonly size: number
  /** Drops every event. */
  close(): Promise<void>
}

/** One session's records, oldest first, in `bytes[start, end)`; itself its node in the store's order. */
class SessionLog extends ListEntry<SessionLog> {
  bytes: Uint8Array = EMPTY
  start = 0
  end = 0
  /** The latest expiry of any record: the session can go once it has passed. */
  expiresAt = 0

  constructor(readonly id: string) {
    super()
  }
}

/** The limits a replay applies. */
interface ReadLimits {
  readonly now: number
  readonly maxStreams: number
}

/**
 * Creates an in-memory {@link EventStore}. Bounded four ways: sessions, streams per session and
 * events per stream (by count), and bytes per session.
 *
 * @example
 * const tracker = new EventTracker({ store: createMemoryEventStore({ maxSessions: 50_000 }) })
 */
export function createMemoryEventStore(options: MemoryEventStoreOptions = {}): MemoryEventStore {
  const maxSessions = options.maxSessions ?? 10_000
  const maxStreams = options.maxStreamsPerSession ?? 100
  const maxBytes = options.maxBytesPerSession ?? 1024 * 1024
  assertPositiveInteger(maxSessions, 'maxSessions')
  assertPositiveInteger(maxStreams, 'maxStreamsPerSession')
  assertPositiveInteger(maxBytes, 'maxBytesPerSession')
  return new MemoryEventStoreImpl({
    now: options.now ?? Date.now,
    maxSessions,
    maxStreams,
    maxBytes,
  })
}

class MemoryEventStoreImpl implements MemoryEventStore {
  readonly name = 'memory' as const
  readonly #byId = new Map<string, SessionLog>()
  // Least recently appended first: moving a session to the back is a few pointer writes.
  readonly #order = new LinkedList<SessionLog>()
  readonly #now: () => number
  readonly #maxSessions: number
  readonly #maxStreams: number
  readonly #maxBytes: number
  #nextSweepAt = 0

  constructor(limits: {
    now: () => number
    maxSessions: number
    maxStreams: number
    maxBytes: number
  }) {
    this.#now = limits.now
    this.#maxSessions = limits.maxSessions
    this.#maxStreams = limits.maxStreams
    this.#maxBytes = limits.maxBytes
  }

  get size(): number {
    return this.#byId.size
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
    if (typeof event.id !== 'string' || typeof event.streamId !== 'string') {
      throw new TypeError('The event id and stream id must be strings')
    }
    const now = this.#now()
    const log = this.#logOf(sessionId)
    // The bound is cheap and usually fits; making room needs the exact size, so that a large event
    // does not push out more history than it takes.
    if (log.end + recordBound(event.streamId, event.id, event.json) > log.bytes.length) {
      this.#makeRoom(log, { bound: recordSizeOf(event.streamId, event.id, event.json), now })
    }
    const expiresAt = now + options.ttlMs
    log.end += writeRecord(log.bytes, log.end, {
      streamId: event.streamId,
      id: event.id,
      json: event.json,
      expiresAt,
      maxEventsPerStream: options.maxEventsPerStream,
    })
    if (expiresAt > log.expiresAt) log.expiresAt = expiresAt
    if (now >= this.#nextSweepAt) {
      this.#nextSweepAt = now + SWEEP_EVERY_MS
      this.#sweep(now)
    }
  }

  // The session's log, moved to the back of the order (created if absent).
  #logOf(sessionId: string): SessionLog {
    const order = this.#order
    const found = this.#byId.get(sessionId)
    if (found !== undefined) {
      order.moveToBack(found)
      return found
    }
    const created = order.pushNode(new SessionLog(sessionId))
    this.#byId.set(sessionId, created)
    while (this.#byId.size > this.#maxSessions) {
      const oldest = order.first
      if (oldest === undefined) break
      this.#drop(oldest)
    }
    return created
  }

  /**
   * Makes `bound` bytes (a record's exact size) free after the log's last record. Expired records
   * at the front go first; then, past `maxBytesPerSession`, the oldest, down to half of it so that
   * this copying happens once per half a buffer appended, not on every append.
   */
  #makeRoom(log: SessionLog, need: { bound: number; now: number }): void {
    const bytes = log.bytes
    let start = log.start
    while (start < log.end && recordExpiresAt(bytes, start) <= need.now) {
      start += recordSize(bytes, start)
    }
    if (log.end - start + need.bound > this.#maxBytes) {
      const keep = Math.max(0, this.#maxBytes / 2 - need.bound)
      while (start < log.end && log.end - start > keep) start += recordSize(bytes, start)
    }
    const live = log.end - start
    const needed = live + need.bound
    let size = bytes.length
    if (needed > size || needed * 4 < size) {
      // Room to grow into, so the next appends do not land here again; within the limit.
      size = FIRST_BUFFER_BYTES
      while (size < needed * 2) size *= 2
      size = Math.max(needed, Math.min(size, this.#maxBytes))
    }
    if (size === bytes.length) {
      bytes.copyWithin(0, start, log.end)
    } else {
      const grown = new Uint8Array(size)
      grown.set(bytes.subarray(start, log.end))
      log.bytes = grown
    }
    log.start = 0
    log.end = live
  }

  async after(
    sessionId: string,
    eventId: string,
    options: AfterOptions = {},
  ): Promise<EventsAfter | undefined> {
    const log = this.#byId.get(sessionId)
    if (log === undefined) return undefined
    const limits = { now: this.#now(), maxStreams: this.#maxStreams }
    const found = findRecord(log, { eventId, streamId: options.streamId })
    if (found === undefined) return undefined
    return readAfter(log, found, limits)
  }

  async deleteSession(sessionId: string): Promise<void> {
    const log = this.#byId.get(sessionId)
    if (log !== undefined) this.#drop(log)
  }

  async close(): Promise<void> {
    this.#byId.clear()
    this.#order.clear()
  }

  #drop(log: SessionLog): void {
    this.#order.remove(log)
    this.#byId.delete(log.id)
  }

  /** Drops the least recently appended sessions whose events all expired; rotates the others. */
  #sweep(now: number): void {
    const count = Math.min(SWEEP_SESSIONS, this.#byId.size)
    for (let seen = 0; seen < count; seen++) {
      const log = this.#order.first
      if (log === undefined) return
      if (log.expiresAt <= now) this.#drop(log)
      else this.#order.moveToBack(log)
    }
  }
}

/** The offset of the first record with id `eventId` (on `streamId` when given), or undefined. */
function findRecord(
  log: SessionLog,
  target: { readonly eventId: string; readonly streamId: string | undefined },
): number | undefined {
  const bytes = log.bytes
  for (let at = log.start; at < log.end; at += recordSize(bytes, at)) {
    if (!recordIdIs(bytes, at, target.eventId)) continue
    if (target.streamId !== undefined && !recordStreamIdIs(bytes, at, target.streamId)) {
      continue
    }
    return at
  }
  return undefined
}

/**
 * The events of the found record's stream after it, or undefined when the found event can no
 * longer be replayed: expired, past its stream's `maxEventsPerStream`, or its stream was dropped
 * (`maxStreamsPerSession` others appended to since the stream was last).
 */
function readAfter(log: SessionLog, found: number, limits: ReadLimits): EventsAfter | undefined {
  const bytes = log.bytes
  if (recordExpiresAt(bytes, found) <= limits.now) return undefined
  const streamId = recordText(bytes, found, STREAM_ID_TEXT)
  const later: number[] = []
  // Streams appended to since this stream last was: reaching the limit drops the stream.
  const others = new Set<string>()
  let maxEvents = recordMaxEvents(bytes, found)
  for (let at = found + recordSize(bytes, found); at < log.end; at += recordSize(bytes, at)) {
    if (recordStreamIdIs(bytes, at, streamId)) {
      later.push(at)
      maxEvents = recordMaxEvents(bytes, at)
      others.clear()
      continue
    }
    others.add(recordText(bytes, at, STREAM_ID_TEXT))
    if (others.size >= limits.maxStreams) return undefined
  }
  // The stream keeps its newest `maxEvents` (as of its last append): is the found one among them?
  if (later.length + 1 > maxEvents) return undefined
  const events: StoredEvent[] = []
  for (const at of later) {
    if (recordExpiresAt(bytes, at) <= limits.now) continue
    const json = recordText(bytes, at, JSON_TEXT)
    events.push({ id: recordText(bytes, at, ID_TEXT), streamId, message: JSON.parse(json) })
  }
  return { streamId, events }
}
