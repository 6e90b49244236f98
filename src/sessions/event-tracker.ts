import { resolveSessionConfig } from '../core/config/session-config.ts'
import { defaultEnvironment, type Environment } from '../core/environment.ts'
import type { StoreError } from '../core/errors/store-error.ts'
import { type ReadonlySubscribable, Subscribable } from '../core/events/subscribable.ts'
import { isPromiseLike, type MaybePromise } from '../core/maybe-promise.ts'
import { createMemoryEventStore } from '../stores/memory-event-store.ts'
import type {
  AppendOptions,
  EventStore,
  EventsAfter,
  SerializedEvent,
} from '../stores/session-store.ts'
import type { EventTrackerEvent } from './session-events.ts'
import {
  callStore,
  resolveStoreTimeoutMs,
  type StoreCallContext,
  toStoreError,
} from './store-call.ts'

/** Digits of the sequence part of an event id: base 36, zero-padded, so ids of a stream sort as text. */
const SEQ_LENGTH = 11
/** Base-36 digits of the low part of a sequence number, and the numbers they hold. */
const LOW_DIGITS = 4
const LOW_RANGE = 36 ** LOW_DIGITS
const SEQ = /^[0-9a-z]{11}$/
/** Stream ids end up in SSE `id:` lines: visible ASCII only, no spaces or line breaks. */
const STREAM_ID = /^[\x21-\x7e]{1,200}$/

/** Options of {@link EventTracker}. */
export interface EventTrackerOptions {
  /** Where events are kept. A store you pass stays yours. @default a memory store the tracker owns */
  readonly store?: EventStore | undefined
  /** Events kept per stream; older ones cannot be replayed. @default 1000 */
  readonly maxEventsPerStream?: number | undefined
  /** How long an event can be replayed. @default 300000 (5 minutes) */
  readonly eventTtlMs?: number | undefined
  /** Timers for store-call deadlines. @default defaultEnvironment */
  readonly environment?: Environment | undefined
  /**
   * The wall clock (epoch ms) that seeds event sequence numbers, so ids stay increasing across
   * restarts when the store outlives the process. @default Date.now
   */
  readonly now?: (() => number) | undefined
  /** Deadline of one call to a store you pass. @default 5000 */
  readonly storeTimeoutMs?: number | undefined
}

/**
 * Records the messages sent on each stream of a legacy session so a client reconnecting with
 * `Last-Event-ID` gets what it missed, on that stream only (seed decision 7: separate from the
 * {@link SessionManager}, which only asks it to forget ended sessions).
 *
 * Event ids look like `<streamId>_<seq>`: the stream is recoverable from the id alone, and `seq` is an
 * 11-character base-36 number that only grows, so ids are unique across all streams of a session
 * and the ids of one stream sort in sending order as plain strings. They are valid SSE ids (visible
 * ASCII, no line breaks). A failing store never fails tracking: the message is still sent, only its
 * replay is lost, and a `store-error` event says so.
 *
 * @example
 * const tracker = new EventTracker({ eventTtlMs: 60_000 })
 * const id = await tracker.trackEvent(sessionId, streamId, message) // send as `id: ${id}`
 * // on reconnect with Last-Event-ID:
 * const missed = await tracker.eventsSince(sessionId, lastEventId)
 * if (!missed) { ... cannot resume: start a fresh stream }
 */
export class EventTracker {
  readonly #store: EventStore
  readonly #ownsStore: boolean
  readonly #retention: AppendOptions
  readonly #call: StoreCallContext
  readonly #now: () => number
  readonly #events = new Subscribable<EventTrackerEvent>()
  #seq = 0
  #high = -1
  #highText = ''

  /** @throws {ConfigError} or `RangeError` naming a refused option. */
  constructor(options: EventTrackerOptions = {}) {
    const { events } = resolveSessionConfig({
      events: { maxEventsPerStream: options.maxEventsPerStream, eventTtlMs: options.eventTtlMs },
    })
    const storeTimeoutMs = resolveStoreTimeoutMs(options.storeTimeoutMs)
    this.#now = options.now ?? Date.now
    this.#store = options.store ?? createMemoryEventStore({ now: this.#now })
    this.#ownsStore = options.store === undefined
    this.#retention = { ttlMs: events.eventTtlMs, maxEventsPerStream: events.maxEventsPerStream }
    this.#call = {
      environment: options.environment ?? defaultEnvironment,
      // A store in this process answers or throws; only a store you pass gets a deadline.
      timeoutMs: this.#ownsStore ? Number.POSITIVE_INFINITY : storeTimeoutMs,
      store: this.#store.name ?? 'event',
    }
  }

  /** Store failures. */
  get events(): ReadonlySubscribable<EventTrackerEvent> {
    return this.#events
  }

  /** The retention every tracked event gets. */
  get retention(): AppendOptions {
    return this.#retention
  }

  /**
   * Records `message` as sent on `streamId` and returns the event id to send it with.
   *
   * @param streamId visible ASCII (no spaces), at most 200 characters
   * @throws {TypeError} for an empty session id or an unusable stream id
   */
  async trackEvent(sessionId: string, streamId: string, message: unknown): Promise<string> {
    const json = JSON.stringify(message)
    if (json === undefined) throw new TypeError('The event message is not JSON-serialisable')
    return this.#track(sessionId, { streamId, json, message })
  }

  /**
   * {@link EventTracker.trackEvent} for a message that is JSON text already (as sent), which the
   * store keeps without serialising it again. Returns the id at once (no promise) when the store
   * appends synchronously, as the memory store does: the stream can write in the same tick.
   *
   * @param event.json the message's JSON text; `null` for an event without a message (priming)
   * @throws {TypeError} for an empty session id or an unusable stream id
   */
  trackSerialized(
    sessionId: string,
    event: { readonly streamId: string; readonly json: string },
  ): MaybePromise<string> {
    return this.#track(sessionId, {
      streamId: event.streamId,
      json: event.json,
      message: undefined,
    })
  }

  // `message`, when the caller has it, spares a store without `appendSerialized` parsing `json`.
  #track(
    sessionId: string,
    event: { readonly streamId: string; readonly json: string; readonly message: unknown },
  ): MaybePromise<string> {
    const { streamId, json, message } = event
    if (typeof sessionId !== 'string' || sessionId === '') {
      throw new TypeError('trackEvent() needs a session id')
    }
    if (typeof streamId !== 'string' || !STREAM_ID.test(streamId)) {
      throw new TypeError(
        `A stream id must be 1-200 visible ASCII characters, got ${JSON.stringify(streamId)}`,
      )
    }
    const id = `${streamId}_${this.#nextSeq()}`
    if (this.#ownsStore) {
      // The tracker's own store is in this process: called directly, without a deadline.
      try {
        const appended = this.#append({ id, streamId, json }, { sessionId, message })
        if (isPromiseLike(appended))
          return appended.then(() => id, this.#appendFailed(sessionId, id))
      } catch (error) {
        this.#appendFailed(sessionId, id)(error)
      }
      return id
    }
    const append = async () => this.#append({ id, streamId, json }, { sessionId, message })
    return callStore('append', append, this.#call).then(() => id, this.#appendFailed(sessionId, id))
  }

  #append(
    event: SerializedEvent,
    from: { readonly sessionId: string; readonly message: unknown },
  ): MaybePromise<void> {
    const store = this.#store
    if (store.appendSerialized !== undefined) {
      return store.appendSerialized(from.sessionId, event, this.#retention)
    }
    const message: unknown = from.message === undefined ? JSON.parse(event.json) : from.message
    return store.append(
      from.sessionId,
      { id: event.id, streamId: event.streamId, message },
      this.#retention,
    )
  }

  // A failed append loses the replay, never the message: it is still sent under its id.
  #appendFailed(sessionId: string, id: string): (error: unknown) => string {
    return (error) => {
      this.#report(
        'append',
        toStoreError(error, { store: this.#call.store, operation: 'append' }),
        sessionId,
      )
      return id
    }
  }

  /**
   * The events sent after `lastEventId` on its own stream, in order (never another stream's), or
   * `undefined` when the id is malformed, unknown, expired, dropped, or the store cannot answer.
   */
  async eventsSince(sessionId: string, lastEventId: string): Promise<EventsAfter | undefined> {
    const streamId = this.streamIdOf(lastEventId)
    if (streamId === undefined) return undefined
    let found: EventsAfter | undefined
    try {
      found = await callStore(
        'after',
        () => this.#store.after(sessionId, lastEventId, { streamId }),
        this.#call,
      )
    } catch (error) {
      this.#report('after', error, sessionId)
      return undefined
    }
    return found?.streamId === streamId ? found : undefined
  }

  /** The stream an event id belongs to, or `undefined` if it is not one of this tracker's ids. */
  streamIdOf(eventId: string): string | undefined {
    if (typeof eventId !== 'string') return undefined
    const separator = eventId.length - SEQ_LENGTH - 1
    if (separator < 1 || eventId[separator] !== '_') return undefined
    if (!SEQ.test(eventId.slice(separator + 1))) return undefined
    const streamId = eventId.slice(0, separator)
    return STREAM_ID.test(streamId) ? streamId : undefined
  }

  /** Drops every event of the session. Never rejects; failures are `store-error` events. */
  async forgetSession(sessionId: string): Promise<void> {
    try {
      await callStore('deleteSession', () => this.#store.deleteSession(sessionId), this.#call)
    } catch (error) {
      this.#report('deleteSession', error, sessionId)
    }
  }

  /** Closes the store if the tracker created it. */
  async close(): Promise<void> {
    if (this.#ownsStore) await this.#store.close?.()
  }

  #nextSeq(): string {
    const seq = Math.max(this.#seq + 1, Math.floor(this.#now()) * 1000)
    this.#seq = seq
    // Printed in two parts: the high one changes every ~1.7 s and is kept as text; the low one is a
    // small integer, which prints fast (a full 16-digit number in base 36 costs more than the rest
    // of tracking an event).
    const high = Math.floor(seq / LOW_RANGE)
    if (high !== this.#high) {
      this.#high = high
      this.#highText = high.toString(36).padStart(SEQ_LENGTH - LOW_DIGITS, '0')
    }
    return this.#highText + (seq - high * LOW_RANGE).toString(36).padStart(LOW_DIGITS, '0')
  }

  #report(operation: EventTrackerEvent['operation'], error: unknown, sessionId: string): void {
    if (!this.#events.hasListeners) return
    this.#events.emit({ type: 'store-error', operation, error: error as StoreError, sessionId })
  }
}
