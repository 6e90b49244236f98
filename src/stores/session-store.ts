/**
 * @module
 * The two storage seams behind sessions: {@link SessionStore} keeps legacy-era session records (and the
 * client's own saved session state), {@link EventStore} keeps stream events for `Last-Event-ID` replay.
 * Both are tiny and async so that memory, IndexedDB and Redis fit the same shape; optional capabilities
 * are optional methods. Every store honours TTLs and keeps retention bounded.
 */

/**
 * One legacy-era session as a store keeps it. It is small and JSON-serialisable, because the store may
 * be Redis or IndexedDB: what you `set` is what a later `get` returns, after a JSON round trip.
 *
 * @example
 * const record: SessionRecord = {
 *   id: crypto.randomUUID(),
 *   revision: '2025-11-25',
 *   createdAt: Date.now(),
 *   lastSeenAt: Date.now(),
 * }
 */
export interface SessionRecord {
  /** The session id (visible ASCII, as `Mcp-Session-Id` requires). */
  readonly id: string
  /** The protocol revision negotiated by `initialize`. */
  readonly revision: string
  /** The client's `clientInfo` from `initialize`. */
  readonly clientInfo?: Readonly<Record<string, unknown>>
  /** The client's `capabilities` from `initialize`. */
  readonly clientCapabilities?: Readonly<Record<string, unknown>>
  /** When the session was created, in epoch milliseconds. */
  readonly createdAt: number
  /** When the session was last used, in epoch milliseconds. */
  lastSeenAt: number
  /** The level set by `logging/setLevel`. */
  logLevel?: string
  /** Resource URIs from `resources/subscribe`. */
  subscriptions?: readonly string[]
  /** Free-form string metadata, e.g. a proxy's upstream session id. */
  metadata?: Readonly<Record<string, string>>
}

/**
 * Where session records live beyond one process's memory. Every entry has a TTL: a record not written
 * or touched for `ttlMs` is gone. Implementations: `createMemorySessionStore` here, IndexedDB and Redis
 * in their own entries. Run `sessionStoreContract` from the test suite against any new store.
 *
 * @example
 * await store.set(record.id, record, 30 * 60_000)
 * const again = await store.get(record.id) // a copy, equal to `record`
 */
export interface SessionStore {
  /** A short name for errors and events, e.g. `memory`, `idb`, `redis`. */
  readonly name?: string
  /** The record, or `undefined` when it is unknown or its TTL ran out. */
  get(id: string): Promise<SessionRecord | undefined>
  /**
   * Creates or replaces the record and (re)starts its TTL.
   *
   * @param ttlMs how long the record lives without another write or touch; a positive finite number
   *   (stores reject anything else with a `RangeError`)
   */
  set(id: string, record: SessionRecord, ttlMs: number): Promise<void>
  /** Removes the record; unknown ids are fine. */
  delete(id: string): Promise<void>
  /**
   * Restarts the TTL without rewriting the record; unknown or expired ids stay unknown. Optional: when
   * absent, callers write the whole record with `set` instead.
   */
  touch?(id: string, ttlMs: number): Promise<void>
  /** Releases the store's resources. Optional. */
  close?(): Promise<void>
}

/** One message sent on a stream, kept for replay. */
export interface StoredEvent {
  /** The SSE event id the message was sent with. */
  readonly id: string
  /** The stream the message was sent on. */
  readonly streamId: string
  /** The JSON-RPC message (JSON-serialisable). */
  readonly message: unknown
}

/**
 * An event whose message is already JSON text: what was written on the wire, kept as it is. See
 * {@link EventStore.appendSerialized}.
 */
export interface SerializedEvent {
  /** The SSE event id the message was sent with. */
  readonly id: string
  /** The stream the message was sent on. */
  readonly streamId: string
  /** The message as JSON text (`null` for an event that carries no message). */
  readonly json: string
}

/** Retention of one {@link EventStore.append} call. */
export interface AppendOptions {
  /** How long the event stays available; a positive finite number. */
  readonly ttlMs: number
  /** Events kept per stream; appending more drops the oldest of that stream. An integer >= 1. */
  readonly maxEventsPerStream: number
}

/** What {@link EventStore.after} finds: the stream of the given event and its later events, in order. */
export interface EventsAfter {
  readonly streamId: string
  readonly events: readonly StoredEvent[]
}

/** Optional hints for {@link EventStore.after}. */
export interface AfterOptions {
  /**
   * The stream the event was sent on, when the caller knows it (the `EventTracker` does). A store may
   * use it to skip searching; it must still return `undefined` if the event is not on that stream.
   */
  readonly streamId?: string
}

/**
 * Keeps the messages sent on each stream of a session so a client reconnecting with `Last-Event-ID`
 * can be sent what it missed. Events of one stream come back in append order; retention is bounded per
 * stream (count) and per event (TTL).
 *
 * @example
 * await store.append('s1', { id: 'a_1', streamId: 'a', message }, { ttlMs: 300_000, maxEventsPerStream: 1000 })
 * const missed = await store.after('s1', 'a_1') // { streamId: 'a', events: [...] }
 */
export interface EventStore {
  /** A short name for errors and events, e.g. `memory`, `redis`. */
  readonly name?: string
  /** Appends `event` to its stream (`event.streamId`) of session `sessionId`. */
  append(sessionId: string, event: StoredEvent, options: AppendOptions): Promise<void>
  /**
   * `append` for a message that is JSON text already (the server serialises each message once, to
   * send it). Optional: a store that keeps text saves serialising it again, and one that can append
   * synchronously (returning nothing) lets the stream write without waiting a tick. It must behave
   * like `append(sessionId, { id, streamId, message: JSON.parse(json) }, options)`.
   */
  appendSerialized?(
    sessionId: string,
    event: SerializedEvent,
    options: AppendOptions,
  ): void | Promise<void>
  /**
   * Events of `eventId`'s stream after `eventId` (exclusive), in order; `undefined` when the event is
   * unknown, expired or was dropped, which means the client cannot resume.
   */
  after(
    sessionId: string,
    eventId: string,
    options?: AfterOptions,
  ): Promise<EventsAfter | undefined>
  /** Forgets every event of the session; unknown sessions are fine. */
  deleteSession(sessionId: string): Promise<void>
  /** Releases the store's resources. Optional. */
  close?(): Promise<void>
}
