/**
 * One legacy SSE stream (SPEC §4.2–§4.4): a POST reply or the session's GET stream. Every message is
 * recorded by the `EventTracker` under this stream and sent with its event id, so a client that lost
 * the connection resumes with GET + `Last-Event-ID` and gets what it missed, from this stream only.
 * The stream outlives its connection: the server may close the connection early (SSE polling) and a
 * resuming GET takes over. Writes are serialised, so ids and replay never reorder messages.
 */

import { isPromiseLike } from '../../core/maybe-promise.ts'
import { encodeJsonEvent, type SseStream } from '../../core/sse/writer.ts'
import type { EventTracker } from '../../sessions/event-tracker.ts'
import type { ReplyStream } from '../http/reply.ts'
import { type Answer, sseResponse } from '../http/responses.ts'

/** What a {@link LegacyStream} is built from. */
export interface LegacyStreamOptions {
  readonly sessionId: string
  readonly streamId: string
  /** Records events for replay. Without one, events go out without ids and nothing is primed. */
  readonly tracker: EventTracker | undefined
  /** The `retry:` sent with the priming event: how long a client waits before reconnecting. */
  readonly retryMs: number
  /** The first connection. */
  readonly connection: SseStream
  /**
   * Send the priming event (an id, `retry`, no data) on the first connection. Off for a stream that
   * starts with {@link LegacyStream.resume}, whose replay comes first. @default true
   */
  readonly prime?: boolean
  /** Reports a failed write (the message is still tracked for replay). */
  readonly onError?: ((error: unknown) => void) | undefined
}

/**
 * A tracked, resumable stream.
 *
 * @example
 * const stream = new LegacyStream({ sessionId, streamId, tracker, retryMs: 1000, connection: sse })
 * stream.send(progressNotification)
 * stream.send(response)
 * stream.end()
 */
export class LegacyStream implements ReplyStream {
  readonly sessionId: string
  readonly streamId: string
  /** The SSE response over the first connection. */
  readonly response: Answer
  /** Called once the stream is complete (its last message sent) and its connection closed. */
  onComplete: (() => void) | undefined = undefined
  readonly #tracker: EventTracker | undefined
  readonly #onError: ((error: unknown) => void) | undefined
  #connection: SseStream | undefined
  // Work that had to wait (a store answering later): later steps queue behind it. Undefined when
  // nothing waits, and then a step runs at once, in the caller's tick.
  #chain: Promise<void> | undefined = undefined
  #complete = false

  constructor(options: LegacyStreamOptions) {
    this.sessionId = options.sessionId
    this.streamId = options.streamId
    this.#tracker = options.tracker
    this.#onError = options.onError
    this.#connection = options.connection
    this.response = sseResponse(options.connection)
    if (options.prime === false || options.tracker === undefined) return
    // The priming event: an id (tracked, so resuming from it replays everything after) and no data.
    this.#track({ json: 'null', data: '', retry: options.retryMs })
  }

  /** Whether the stream's last message was sent. */
  get complete(): boolean {
    return this.#complete
  }

  /** The open connection, if any. */
  get connection(): SseStream | undefined {
    return this.#connection
  }

  /** Records and sends one message (serialised now: later changes to it are not sent). */
  send(message: unknown): void {
    const json = JSON.stringify(message)
    this.#track({ json, data: json, retry: undefined })
  }

  /** Completes the stream after what is queued, closing its connection. */
  end(): void {
    this.#run(() => {
      this.#complete = true
      this.#closeConnection()
      this.onComplete?.()
    })
  }

  /**
   * Closes the connection but not the stream (SSE polling): the client resumes with GET. Without a
   * tracker nothing could be resumed, so the connection stays open.
   */
  detach(): void {
    if (this.#tracker === undefined) return
    this.#run(() => this.#closeConnection())
  }

  /** Forgets a connection the client closed. */
  connectionClosed(connection: SseStream): void {
    if (this.#connection === connection) this.#connection = undefined
  }

  /**
   * Moves the stream to a new connection: replays what was sent after `lastEventId` (this stream's
   * messages only), then continues live. A complete stream closes the connection after the replay.
   * Resolves `false` when `lastEventId` cannot be replayed (unknown or expired).
   */
  resume(connection: SseStream, lastEventId: string): Promise<boolean> {
    let replayed = false
    this.#run(async () => {
      if (this.#connection !== connection) this.#closeConnection()
      const tracker = this.#tracker
      const target = { connection, sessionId: this.sessionId, lastEventId }
      replayed = tracker !== undefined && (await replay(tracker, target))
      if (this.#complete) connection.close()
      else this.#connection = connection
    })
    return this.settled().then(() => replayed)
  }

  /** Resolves when every queued write is done. */
  settled(): Promise<void> {
    return this.#chain ?? Promise.resolve()
  }

  #closeConnection(): void {
    const connection = this.#connection
    this.#connection = undefined
    connection?.close()
  }

  // Tracks an event and writes it under its id: in this tick when the store appends synchronously.
  #track(event: { json: string; data: string; retry: number | undefined }): void {
    const tracker = this.#tracker
    if (tracker === undefined) {
      this.#run(() => this.#write(undefined, event))
      return
    }
    this.#run(() => {
      const id = tracker.trackSerialized(this.sessionId, {
        streamId: this.streamId,
        json: event.json,
      })
      if (!isPromiseLike(id)) this.#write(id, event)
      else return id.then((tracked) => this.#write(tracked, event))
    })
  }

  // Without an id (no tracker) the event is plain data: nothing primes, so there is no `retry`.
  #write(id: string | undefined, event: { data: string; retry: number | undefined }): void {
    const connection = this.#connection
    if (connection === undefined) return
    // Ids are the tracker's, data is JSON text (or empty) and `retry` the validated
    // `sseRetryMs`, so the event needs no checks.
    connection.sendEncoded(encodeJsonEvent(id, event.data, event.retry))
  }

  // Steps run in order: at once while nothing waits, else behind what does.
  #run(step: () => void | Promise<void>): void {
    const chain = this.#chain
    if (chain !== undefined) {
      this.#wait(chain.then(step))
      return
    }
    let result: void | Promise<void>
    try {
      result = step()
    } catch (error) {
      this.#onError?.(error)
      return
    }
    if (isPromiseLike(result)) this.#wait(result)
  }

  #wait(pending: Promise<void>): void {
    const chain: Promise<void> = pending
      .catch((error: unknown) => this.#onError?.(error))
      .then(() => {
        if (this.#chain === chain) this.#chain = undefined
      })
    this.#chain = chain
  }
}

/**
 * Sends the events recorded after `lastEventId` on its stream. Resolves `false` when nothing can be
 * replayed because the id is unknown or expired.
 */
export async function replay(
  tracker: EventTracker,
  target: { connection: SseStream; sessionId: string; lastEventId: string },
): Promise<boolean> {
  const missed = await tracker.eventsSince(target.sessionId, target.lastEventId)
  if (missed === undefined) return false
  for (const event of missed.events) {
    // Priming events carry no message; their ids are only resumption points.
    if (event.message === null || typeof event.message !== 'object') continue
    target.connection.send({ id: event.id, data: JSON.stringify(event.message) })
  }
  return true
}
