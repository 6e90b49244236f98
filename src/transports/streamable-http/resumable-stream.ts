/**
 * One SSE stream of JSON-RPC messages that survives disconnects: a POST's SSE response (resumed by
 * GET + `Last-Event-ID` in the legacy era) or the legacy GET stream. The reconnection decisions are
 * the pure machine's ({@link advanceStream}, {@link reconnectDelayMs}); this module performs them
 * with the injected `fetch` and timers.
 */
import type { McpkitError } from '../../core/errors/base.ts'
import { isMcpkitError } from '../../core/errors/guards.ts'
import { connectionClosedError, TransportError } from '../../core/errors/transport-error.ts'
import type { JsonRpcId } from '../../core/protocol/messages.ts'
import { abortedError, fetchFailure, sleep } from './abort.ts'
import { discardBody, toHttpError } from './http-body.ts'
import {
  requestHeaders,
  sendRequest,
  type TransportRequest,
  unexpectedAnswer,
} from './http-request.ts'
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
import type { TransportEvent } from './transport-events.ts'

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
  /** Runs once the stream is done, however it ends (after its last event is reported). */
  readonly release?: (() => void) | undefined
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
    plan.release?.()
  }
}

/** An event of one stream, without the `stream` field the run fills in. */
type StreamEventFields<TType extends TransportEvent['type']> = Omit<
  Extract<TransportEvent, { type: TType }>,
  'type' | 'stream'
>

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
    const { signal } = this.#plan
    const headers = await requestHeaders(this.#options, {
      ...this.#plan.headers,
      accept: SSE_MEDIA_TYPE,
      'last-event-id': this.#status.lastEventId,
    })
    const request: TransportRequest = { method: 'GET', url: this.#options.url, headers, signal }
    let response: Response
    try {
      response = await sendRequest(this.#options, request)
    } catch (failure) {
      if (signal.aborted) throw failure
      // `sendRequest` fails with typed errors only.
      return this.#failed(failure as McpkitError)
    }
    return this.#accept(response, request)
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
      this.#failed(fetchFailure(error, this.#plan.signal, this.#operation))
      return false
    }
    if (tail === undefined) return false
    yield* tail
    return true
  }

  /** Waits before the next reconnection, or throws when the stream must not reconnect. */
  async waitToReconnect(): Promise<void> {
    const status = this.#status
    const { kind, resumable, signal } = this.#plan
    if (!resumable) throw this.#final({ type: 'close' }, closedEarly('', this.#lastFailure))
    if (status.state === 'exhausted') throw this.#exhausted()
    if (kind === 'post' && status.lastEventId === undefined) {
      throw this.#final({ type: 'close' }, closedEarly(NO_EVENT_ID, this.#lastFailure))
    }
    const delayMs = reconnectDelayMs(status, this.#options.reconnect, this.#options.random)
    this.#emit('reconnect:scheduled', {
      reason: status.state === 'server-closed' ? 'server-closed' : 'network-failed',
      attempt: status.attempt + 1,
      delayMs,
      lastEventId: status.lastEventId,
    })
    await sleep(this.#options.environment, delayMs, signal)
    this.#advance({ type: 'reconnect' })
    this.#reconnections += 1
  }

  /** Ends the run: reports a stop that no other path reported, and returns the error to throw. */
  stop(error: unknown): unknown {
    if (!isFinalState(this.#status.state)) {
      this.#final({ type: 'close' }, isMcpkitError(error) ? error : undefined)
    }
    return error
  }

  get #operation(): string {
    return `${this.#plan.kind === 'post' && this.#reconnections === 0 ? 'POST' : 'GET'} ${this.#options.url.href}`
  }

  async #accept(response: Response, request: TransportRequest): Promise<Response | undefined> {
    const type = mediaTypeOf(response.headers.get('content-type'))
    if (response.ok && type === SSE_MEDIA_TYPE) return response
    const { status } = response
    if (response.ok) {
      discardBody(response)
      throw this.#final({ type: 'rejected' }, unexpectedAnswer(request, type, 'not SSE'))
    }
    if (status === 405 && this.#plan.kind === 'get') {
      discardBody(response)
      this.finished = true
      return this.#final({ type: 'close' }, undefined)
    }
    const error = await toHttpError(response, request, this.#options.environment)
    if (RETRYABLE_STATUSES.has(status)) return this.#failed(error)
    const auth = status === 401 || status === 403
    throw this.#final({ type: auth ? 'unauthorized' : 'rejected' }, error)
  }

  #opened(): void {
    this.#advance({ type: 'opened' })
    if (this.#reconnections === 0) {
      this.#emit('stream:opened', { url: this.#options.url.href })
      return
    }
    const { attempt, lastEventId } = this.#status
    this.#emit('reconnect:resumed', { attempt, lastEventId })
  }

  #messagesOf(decoded: DecodedEvent): readonly unknown[] {
    if (decoded.kind === 'messages') return decoded.messages
    if (decoded.kind === 'none') return []
    this.#emit('message:invalid', { data: decoded.preview })
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

  /** Records a failure worth a reconnection; `undefined`, for `connect` to return. */
  #failed(failure: McpkitError): undefined {
    this.#lastFailure = failure
    this.#advance({ type: 'failed' })
    return undefined
  }

  #exhausted(): TransportError {
    const attempts = this.#status.attempt
    const error = new TransportError(
      `${this.#operation}: the stream dropped and ${attempts} reconnection attempt(s) brought no message`,
      this.#lastFailure ? { cause: this.#lastFailure } : {},
    )
    this.#emit('reconnect:exhausted', { attempts, error })
    // The state is already `exhausted`: this only reports the end.
    return this.#final({ type: 'close' }, error)
  }

  /** Moves to a final state and reports `stream:closed` with it (and `error`, if there is one). */
  #final<TError extends McpkitError | undefined>(signal: StreamSignal, error: TError): TError {
    this.#advance(signal)
    const { state } = this.#status
    this.#emit('stream:closed', error === undefined ? { state } : { state, error })
    return error
  }

  /** Reports an event of this stream: `type`, `stream`, then the fields, as the types list them. */
  #emit<TType extends TransportEvent['type']>(type: TType, fields: StreamEventFields<TType>): void {
    const event = { type, stream: this.#plan.kind, ...fields }
    // `fields` complete the event `type` names; TypeScript cannot follow that through a spread.
    this.#options.emit(event as unknown as TransportEvent)
  }

  #advance(signal: StreamSignal): void {
    this.#status = advanceStream(this.#status, signal, this.#options.reconnect)
  }
}

const NO_EVENT_ID = ', with no event id to resume from'

function closedEarly(detail: string, cause: McpkitError | undefined): TransportError {
  return connectionClosedError(
    `The response stream ended before the response arrived${detail}`,
    cause,
  )
}
