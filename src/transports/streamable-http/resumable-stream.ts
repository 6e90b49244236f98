/**
 * One SSE stream of JSON-RPC messages that survives disconnects: a POST's SSE response (resumed by
 * GET + `Last-Event-ID` in the legacy era) or the legacy GET stream. The reconnection decisions are
 * the pure machine's ({@link advanceStream}, {@link reconnectDelayMs}); this module performs them
 * with the injected `fetch` and timers.
 */
import type { McpkitError } from '../../core/errors/base.ts'
import { ErrorCode } from '../../core/errors/codes.ts'
import { isMcpkitError } from '../../core/errors/guards.ts'
import { TransportError } from '../../core/errors/transport-error.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'
import { abortedError, fetchFailure, sleep } from './abort.ts'
import { discardBody, toHttpError } from './http-body.ts'
import { mediaTypeOf, SSE_MEDIA_TYPE } from './media-type.ts'
import { answeredId, type DecodedEvent, decodeEvent } from './messages.ts'
import type { ResolvedTransportOptions } from './options.ts'
import {
  advanceStream,
  initialStreamStatus,
  isFinalState,
  reconnectDelayMs,
  type StreamSignal,
  type StreamStatus,
} from './reconnect.ts'
import { readSse } from './sse-reader.ts'

/** Statuses worth another try: the server is busy or briefly down. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504])

/** What one stream is for. @internal */
export interface StreamPlan {
  /** `post`: a POST's SSE response, done once every request id is answered. `get`: never done. */
  readonly kind: 'post' | 'get'
  /** Per-request headers for every GET this stream makes. */
  readonly headers: Readonly<Record<string, string>>
  readonly signal: AbortSignal
  /** The POST's SSE response, already checked; absent for `get`, which connects itself. */
  readonly first?: Response | undefined
  /** Ids of the POSTed requests whose responses are still due. */
  readonly awaiting: Set<JsonRpcId>
  /** Whether a dropped stream is reconnected. */
  readonly resumable: boolean
  /** Invalid JSON in a `message` event: fail the stream, or report it and go on. */
  readonly onInvalid: 'throw' | 'skip'
}

/**
 * Yields the stream's messages across reconnections. Ends when every awaited response arrived
 * (`post`), or quietly when the server offers no GET stream (405); throws a typed error otherwise.
 *
 * @internal
 */
export async function* streamMessages(
  options: ResolvedTransportOptions,
  plan: StreamPlan,
): AsyncGenerator<unknown, void, undefined> {
  const run = new StreamRun(options, plan)
  let response = plan.first
  try {
    for (;;) {
      response ??= await run.connect()
      if (run.finished) return
      if (response !== undefined && (yield* run.consume(response))) return
      response = undefined
      if (run.complete) return
      await run.waitToReconnect()
    }
  } catch (error) {
    throw run.stop(error)
  } finally {
    run.stop(undefined)
  }
}

class StreamRun {
  readonly #options: ResolvedTransportOptions
  readonly #plan: StreamPlan
  #status: StreamStatus = initialStreamStatus()
  #reconnections = 0
  #lastFailure: McpkitError | undefined
  /** Set when the stream ended quietly for good (405 on GET). */
  finished = false

  constructor(options: ResolvedTransportOptions, plan: StreamPlan) {
    this.#options = options
    this.#plan = plan
  }

  /** Every awaited response arrived. */
  get complete(): boolean {
    return this.#plan.kind === 'post' && this.#plan.awaiting.size === 0
  }

  /** GETs the stream; `undefined` when that failed in a way worth retrying (or ended quietly). */
  async connect(): Promise<Response | undefined> {
    const { fetch, url } = this.#options
    const headers = await this.#headers()
    let response: Response
    try {
      response = await fetch(url, { method: 'GET', headers, signal: this.#plan.signal })
    } catch (error) {
      const failure = fetchFailure(error, this.#plan.signal, `GET ${url.href}`)
      if (this.#plan.signal.aborted) throw failure
      this.#lastFailure = failure
      this.#advance({ type: 'failed' })
      return undefined
    }
    return this.#accept(response)
  }

  /** Yields the messages of one connection; `true` once every awaited response arrived. */
  async *consume(response: Response): AsyncGenerator<unknown, boolean, undefined> {
    this.#opened()
    const body = response.body
    let tail: readonly unknown[] | undefined
    try {
      if (body) {
        for await (const item of readSse(body, { maxBufferSize: this.#options.maxMessageBytes })) {
          if (item.type === 'retry') {
            this.#advance({ type: 'retry', retryMs: item.retryMs })
            continue
          }
          const decoded = decodeEvent(item)
          this.#advance({ type: 'event', id: item.id, message: decoded.kind === 'messages' })
          const messages = this.#messagesOf(decoded)
          const last = messages.findIndex((message) => this.#answers(message))
          if (last >= 0) {
            // Leaving the loop cancels the body before the final messages are handed out, so a
            // consumer that stops at the response leaves no connection behind.
            tail = messages.slice(0, last + 1)
            break
          }
          yield* messages
        }
      }
      if (tail === undefined) this.#advance({ type: 'ended' })
    } catch (error) {
      if (this.#plan.signal.aborted) throw abortedError(this.#plan.signal, this.#operation)
      if (isMcpkitError(error)) throw error
      this.#lastFailure = fetchFailure(error, this.#plan.signal, this.#operation)
      this.#advance({ type: 'failed' })
      return false
    }
    if (tail === undefined) return false
    yield* tail
    return true
  }

  /** Waits before the next reconnection, or throws when the stream must not reconnect. */
  async waitToReconnect(): Promise<void> {
    const status = this.#status
    if (!this.#plan.resumable) {
      throw this.#final({ type: 'close' }, closedEarly('', this.#lastFailure))
    }
    if (status.state === 'exhausted') throw this.#exhausted()
    if (this.#plan.kind === 'post' && status.lastEventId === undefined) {
      throw this.#final({ type: 'close' }, closedEarly(NO_EVENT_ID, this.#lastFailure))
    }
    const delayMs = reconnectDelayMs(status, this.#options.reconnect, this.#options.random)
    this.#options.emit({
      type: 'reconnect:scheduled',
      stream: this.#plan.kind,
      reason: status.state === 'server-closed' ? 'server-closed' : 'network-failed',
      attempt: status.attempt + 1,
      delayMs,
      lastEventId: status.lastEventId,
    })
    await sleep(this.#options.environment, delayMs, this.#plan.signal)
    this.#advance({ type: 'reconnect' })
    this.#reconnections += 1
  }

  /** Ends the run: reports a stop that no other path reported, and returns the error to throw. */
  stop(error: unknown): unknown {
    if (!isFinalState(this.#status.state)) {
      this.#status = advanceStream(this.#status, { type: 'close' }, this.#options.reconnect)
      const reported = error === undefined || !isMcpkitError(error) ? {} : { error }
      this.#options.emit({
        type: 'stream:closed',
        stream: this.#plan.kind,
        state: 'closed',
        ...reported,
      })
    }
    return error
  }

  get #operation(): string {
    return `${this.#plan.kind === 'post' && this.#reconnections === 0 ? 'POST' : 'GET'} ${this.#options.url.href}`
  }

  async #headers(): Promise<Headers> {
    const headers = await this.#options.headers()
    for (const [name, value] of Object.entries(this.#plan.headers)) headers.set(name, value)
    headers.set('accept', SSE_MEDIA_TYPE)
    const { lastEventId } = this.#status
    if (lastEventId !== undefined) headers.set('last-event-id', lastEventId)
    return headers
  }

  async #accept(response: Response): Promise<Response | undefined> {
    const type = mediaTypeOf(response.headers.get('content-type'))
    if (response.ok && type === SSE_MEDIA_TYPE) return response
    const url = this.#options.url.href
    if (response.ok) {
      discardBody(response)
      const what = type ?? 'no content type'
      throw this.#final(
        { type: 'rejected' },
        new TransportError(`GET ${url} answered ${what}, not SSE`),
      )
    }
    if (response.status === 405 && this.#plan.kind === 'get') {
      discardBody(response)
      this.finished = true
      this.#final({ type: 'close' }, undefined)
      return undefined
    }
    const context = { method: 'GET', url, environment: this.#options.environment }
    const error = await toHttpError(response, context)
    if (RETRYABLE_STATUSES.has(response.status)) {
      this.#lastFailure = error
      this.#advance({ type: 'failed' })
      return undefined
    }
    const auth = response.status === 401 || response.status === 403
    throw this.#final({ type: auth ? 'unauthorized' : 'rejected' }, error)
  }

  #opened(): void {
    this.#advance({ type: 'opened' })
    const { kind } = this.#plan
    if (this.#reconnections === 0) {
      this.#options.emit({ type: 'stream:opened', stream: kind, url: this.#options.url.href })
      return
    }
    const { attempt, lastEventId } = this.#status
    this.#options.emit({ type: 'reconnect:resumed', stream: kind, attempt, lastEventId })
  }

  #messagesOf(decoded: DecodedEvent): readonly unknown[] {
    if (decoded.kind === 'messages') return decoded.messages
    if (decoded.kind === 'none') return []
    this.#options.emit({ type: 'message:invalid', stream: this.#plan.kind, data: decoded.preview })
    if (this.#plan.onInvalid === 'skip') return []
    throw new TransportError(`${this.#operation} sent an SSE message that is not JSON`, {
      cause: decoded.cause,
    })
  }

  #answers(message: unknown): boolean {
    const id = answeredId(message)
    if (id === undefined || !this.#plan.awaiting.delete(id)) return false
    return this.complete
  }

  #exhausted(): TransportError {
    const attempts = this.#status.attempt
    const error = new TransportError(
      `${this.#operation}: the stream dropped and ${attempts} reconnection attempt(s) brought no message`,
      this.#lastFailure ? { cause: this.#lastFailure } : {},
    )
    this.#options.emit({ type: 'reconnect:exhausted', stream: this.#plan.kind, attempts, error })
    this.#options.emit({
      type: 'stream:closed',
      stream: this.#plan.kind,
      state: 'exhausted',
      error,
    })
    return error
  }

  #final<TError extends McpkitError | undefined>(signal: StreamSignal, error: TError): TError {
    this.#advance(signal)
    const reported = error === undefined ? {} : { error }
    const { state } = this.#status
    this.#options.emit({ type: 'stream:closed', stream: this.#plan.kind, state, ...reported })
    return error
  }

  #advance(signal: StreamSignal): void {
    this.#status = advanceStream(this.#status, signal, this.#options.reconnect)
  }
}

const NO_EVENT_ID = ', with no event id to resume from'

function closedEarly(detail: string, cause: McpkitError | undefined): TransportError {
  return new TransportError(`The response stream ended before the response arrived${detail}`, {
    code: ErrorCode.ConnectionClosed,
    ...(cause ? { cause } : {}),
  })
}
