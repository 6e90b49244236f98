/**
 * What a legacy session has going on right now: requests in flight (for `notifications/cancelled`),
 * server→client requests waiting for answers, and its open streams. The state exists only while
 * there is some, and for a short while after: an idle session costs nothing here beyond its
 * `SessionManager` record once {@link IDLE_SWEEP_MS} have passed.
 */
import type { Environment } from '../../core/environment.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'
import { unref } from '../http/in-flight.ts'
import { ClientRequests } from './client-requests.ts'
import type { LegacyStream } from './legacy-stream.ts'

/** The live state of one session. */
export class LiveSession {
  readonly id: string
  /** The session's GET stream, while one is open. */
  getStream: LegacyStream | undefined = undefined
  // The common case, one request at a time, needs no map: the first request is held here.
  #firstId: JsonRpcId | undefined = undefined
  #firstCancel: (() => void) | undefined = undefined
  #cancels: Map<JsonRpcId, () => void> | undefined = undefined
  #requests: ClientRequests | undefined = undefined
  // Likewise one POST stream at a time needs no map.
  #firstStream: LegacyStream | undefined = undefined
  #streams: Map<string, LegacyStream> | undefined = undefined
  readonly #environment: Environment

  constructor(id: string, environment: Environment) {
    this.id = id
    this.#environment = environment
  }

  /** Whether nothing is going on, so the state can be dropped. */
  get idle(): boolean {
    return (
      this.getStream === undefined &&
      this.#firstCancel === undefined &&
      (this.#cancels === undefined || this.#cancels.size === 0) &&
      (this.#requests === undefined || this.#requests.size === 0) &&
      this.#firstStream === undefined &&
      (this.#streams === undefined || this.#streams.size === 0)
    )
  }

  /** The server→client request table, created on first use. */
  get requests(): ClientRequests {
    this.#requests ??= new ClientRequests(this.#environment)
    return this.#requests
  }

  /** The table if it exists (responses from the client are routed through it). */
  get existingRequests(): ClientRequests | undefined {
    return this.#requests
  }

  /** Registers how to cancel request `id`. */
  trackRequest(id: JsonRpcId, cancel: () => void): void {
    if (this.#firstCancel === undefined || this.#firstId === id) {
      this.#firstId = id
      this.#firstCancel = cancel
      return
    }
    this.#cancels ??= new Map()
    this.#cancels.set(id, cancel)
  }

  /** Forgets request `id` (it finished). */
  untrackRequest(id: JsonRpcId, cancel: () => void): void {
    if (this.#firstCancel === cancel && this.#firstId === id) {
      this.#firstId = undefined
      this.#firstCancel = undefined
    } else if (this.#cancels?.get(id) === cancel) {
      this.#cancels.delete(id)
    }
  }

  /** Cancels request `id` (`notifications/cancelled`); unknown or finished ids are ignored. */
  cancelRequest(id: JsonRpcId): void {
    const cancel = this.#firstId === id ? this.#firstCancel : this.#cancels?.get(id)
    if (cancel === undefined) return
    this.untrackRequest(id, cancel)
    cancel()
  }

  /** Registers an open POST stream, for resumption. */
  addStream(stream: LegacyStream): void {
    if (this.#firstStream === undefined || this.#firstStream.streamId === stream.streamId) {
      this.#firstStream = stream
      return
    }
    this.#streams ??= new Map()
    this.#streams.set(stream.streamId, stream)
  }

  /** Forgets a completed POST stream. */
  removeStream(stream: LegacyStream): void {
    if (this.#firstStream === stream) this.#firstStream = undefined
    else if (this.#streams?.get(stream.streamId) === stream) this.#streams.delete(stream.streamId)
  }

  /** The open stream `streamId` (a POST stream, or the GET stream). */
  stream(streamId: string): LegacyStream | undefined {
    if (this.getStream?.streamId === streamId) return this.getStream
    if (this.#firstStream?.streamId === streamId) return this.#firstStream
    return this.#streams?.get(streamId)
  }

  /** Every open stream. */
  streams(): LegacyStream[] {
    const all = this.#streams === undefined ? [] : [...this.#streams.values()]
    if (this.#firstStream !== undefined) all.push(this.#firstStream)
    if (this.getStream !== undefined) all.push(this.getStream)
    return all
  }

  /** Ends everything: requests are cancelled, waiting server→client requests fail, streams close. */
  end(reason: unknown): void {
    const cancels = this.#cancels === undefined ? [] : [...this.#cancels.values()]
    if (this.#firstCancel !== undefined) cancels.push(this.#firstCancel)
    this.#cancels = undefined
    this.#firstId = undefined
    this.#firstCancel = undefined
    for (const cancel of cancels) cancel()
    this.#requests?.rejectAll(reason)
    for (const stream of this.streams()) stream.connection?.close()
    this.#firstStream = undefined
    this.#streams = undefined
    this.getStream = undefined
  }
}

/**
 * How long the state of a session that went idle is kept (at most twice this). A session's next
 * request usually follows within it and finds the state there: nothing is allocated, and the map
 * does not delete and re-add an entry per request (which, at a size equal to its capacity,
 * rebuilds its table on every add).
 */
export const IDLE_SWEEP_MS = 1000

/**
 * Live state by session id.
 *
 * @example
 * const live = liveSessions.ensure(sessionId)
 * live.trackRequest(id, cancel)
 * // when done:
 * live.untrackRequest(id, cancel)
 * liveSessions.release(live)
 */
export class LiveSessions {
  readonly #sessions = new Map<string, LiveSession>()
  readonly #environment: Environment
  #sweep: unknown = undefined

  constructor(environment: Environment) {
    this.#environment = environment
  }

  /** Sessions with something going on. */
  get size(): number {
    let size = 0
    for (const live of this.#sessions.values()) if (!live.idle) size++
    return size
  }

  /** The live state of `id`, if any (possibly idle). */
  get(id: string): LiveSession | undefined {
    return this.#sessions.get(id)
  }

  /** The live state of `id`, created if needed. */
  ensure(id: string): LiveSession {
    let live = this.#sessions.get(id)
    if (live === undefined) {
      live = new LiveSession(id, this.#environment)
      this.#sessions.set(id, live)
    }
    return live
  }

  /** Lets the state of a session that has nothing going on be dropped at the next sweep. */
  release(live: LiveSession): void {
    if (this.#sweep !== undefined || !live.idle) return
    this.#sweep = this.#environment.setTimeout(() => this.#dropIdle(), IDLE_SWEEP_MS)
    unref(this.#sweep)
  }

  /** Ends and drops a session's state (the session ended). */
  end(id: string, reason: unknown): void {
    const live = this.#sessions.get(id)
    if (live === undefined) return
    this.#sessions.delete(id)
    live.end(reason)
  }

  /** Every session with live state. */
  all(): LiveSession[] {
    return [...this.#sessions.values()]
  }

  /** Stops the sweep and drops every idle state (the server is closing). */
  close(): void {
    if (this.#sweep !== undefined) this.#environment.clearTimeout(this.#sweep)
    this.#dropIdle()
  }

  #dropIdle(): void {
    this.#sweep = undefined
    // Busy ones call release again when they are done.
    for (const [id, live] of this.#sessions) if (live.idle) this.#sessions.delete(id)
  }
}
