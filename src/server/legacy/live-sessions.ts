/**
 * What a legacy session has going on right now: requests in flight (for `notifications/cancelled`),
 * server→client requests waiting for answers, and its open streams. The state exists only while
 * there is some: an idle session costs nothing here beyond its `SessionManager` record.
 */
import type { Environment } from '../../core/environment.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'
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
    this.#streams ??= new Map()
    this.#streams.set(stream.streamId, stream)
  }

  /** Forgets a completed POST stream. */
  removeStream(stream: LegacyStream): void {
    if (this.#streams?.get(stream.streamId) === stream) this.#streams.delete(stream.streamId)
  }

  /** The open stream `streamId` (a POST stream, or the GET stream). */
  stream(streamId: string): LegacyStream | undefined {
    if (this.getStream?.streamId === streamId) return this.getStream
    return this.#streams?.get(streamId)
  }

  /** Every open stream. */
  streams(): LegacyStream[] {
    const all = this.#streams === undefined ? [] : [...this.#streams.values()]
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
    this.#streams = undefined
    this.getStream = undefined
  }
}

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

  constructor(environment: Environment) {
    this.#environment = environment
  }

  /** Sessions with live state. */
  get size(): number {
    return this.#sessions.size
  }

  /** The live state of `id`, if any. */
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

  /** Drops the state of a session that has nothing going on. */
  release(live: LiveSession): void {
    if (live.idle && this.#sessions.get(live.id) === live) this.#sessions.delete(live.id)
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
}
