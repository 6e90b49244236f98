/**
 * Serving one legacy request inside a session: its abort control (cancelled by
 * `notifications/cancelled`, never by a dropped connection), its channel (notifications and
 * server→client requests on its own stream, and `closeStream()` for SSE polling), and its answer.
 */

import type { LegacyRevision } from '../../core/eras/versions.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import type { MaybePromise } from '../../core/maybe-promise.ts'
import { errorResponse, type JsonRpcId, resultResponse } from '../../core/protocol/messages.ts'
import { SseStream } from '../../core/sse/writer.ts'
import type { SessionRecord } from '../../stores/session-store.ts'
import type {
  ChannelRequestOptions,
  RequestChannel,
  RequestScope,
  SessionHandle,
} from '../dispatch/scope.ts'
import { dispatchTo, reportError } from '../http/context.ts'
import type { RequestControl, TerminationReason } from '../http/in-flight.ts'
import type { HeldSlot } from '../http/post-input.ts'
import { dispatchFailure, type MessageFields } from '../http/post-input.ts'
import { Reply, type ReplyOptions, type ReplyStream } from '../http/reply.ts'
import type { Answer } from '../http/responses.ts'
import type { RequestOutcome } from '../http/server-events.ts'
import { type LegacyContext, sessionRevision } from './legacy-context.ts'
import { LegacyStream } from './legacy-stream.ts'
import type { LiveSession } from './live-sessions.ts'
import { sessionHandle } from './session-handle.ts'

const RESOLVED = Promise.resolve()
const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({})

/** One request to serve in a session. */
export interface LegacyJob {
  readonly record: SessionRecord
  /** The dispatcher's view of the session; built from `record` on first use when left out. */
  readonly session?: SessionHandle | undefined
  readonly live: LiveSession
  readonly message: MessageFields
  readonly reply: Reply
  /**
   * Whether the request's stream can be resumed, so `closeStream()` is offered (Streamable HTTP);
   * `false` on the 2024-11-05 transport. @default true
   */
  readonly resumable?: boolean
}

/** Starts serving `job.message`; its response goes to `job.reply`. */
export function runLegacyRequest(context: LegacyContext, job: LegacyJob): void {
  new LegacyCall(context, job).start()
}

/**
 * Serves one request that has a POST of its own (not part of a batch): its {@link Reply} answers
 * the POST with JSON, or SSE on the first message that goes out before the response, and releases
 * `slot` when done. Resolves with the HTTP answer.
 */
export function serveLegacyPost(
  context: LegacyContext,
  post: { record: SessionRecord; live: LiveSession; message: MessageFields; slot: HeldSlot },
): MaybePromise<Answer> {
  post.slot.keep()
  const owner = new ReplyOwner(context, post)
  const reply = new Reply(owner)
  new LegacyCall(context, {
    record: post.record,
    live: post.live,
    message: post.message,
    reply,
  }).start()
  // A handler that answered at once has settled the reply already: its answer goes back as it is.
  return reply.answered ?? reply.response
}

// The reply's options as an object with methods: no closures that would hold the request.
class ReplyOwner implements ReplyOptions {
  readonly #context: LegacyContext
  readonly #live: LiveSession
  readonly #slot: HeldSlot

  constructor(context: LegacyContext, post: { live: LiveSession; slot: HeldSlot }) {
    this.#context = context
    this.#live = post.live
    this.#slot = post.slot
  }

  openStream(): ReplyStream {
    return openLegacyReplyStream(this.#context, this.#live)
  }

  onSettled(): void {
    this.#slot.release()
  }
}

/**
 * One request being served: its scope and channel for the dispatcher, and its end. One object per
 * request rather than a closure per concern: the request path allocates as little as it can.
 */
class LegacyCall implements RequestScope, RequestChannel {
  readonly era = 'legacy'
  readonly revision: LegacyRevision
  readonly requestId: JsonRpcId
  readonly clientCapabilities: Readonly<Record<string, unknown>>
  readonly clientInfo: Readonly<Record<string, unknown>> | undefined
  readonly channel: RequestChannel
  readonly #context: LegacyContext
  readonly #job: LegacyJob
  readonly #control: RequestControl
  readonly #startedAt: number
  #session: SessionHandle | undefined
  #finished = false
  // Bound functions rather than closures: they hold the call and nothing else.
  readonly #cancel: () => void = cancelCall.bind(undefined, this)

  constructor(context: LegacyContext, job: LegacyJob) {
    const { record } = job
    this.revision = sessionRevision(record)
    this.requestId = job.message.id as JsonRpcId
    this.clientCapabilities = record.clientCapabilities ?? EMPTY
    this.clientInfo = record.clientInfo
    this.#context = context
    this.#job = job
    this.#session = job.session
    this.#control = context.inFlight.start()
    this.#startedAt = context.events.hasListeners ? context.environment.now() : 0
    this.channel = job.resumable === false ? new PlainChannel(this) : this
  }

  get signal(): AbortSignal {
    return this.#control.signal
  }

  get aborted(): boolean {
    return this.#control.aborted
  }

  get session(): SessionHandle {
    this.#session ??= sessionHandle(this.#context.sessions, this.#job.record)
    return this.#session
  }

  start(): void {
    const { message, live } = this.#job
    const method = message.method as string
    live.trackRequest(this.requestId, this.#cancel)
    this.#control.onTerminate = terminateCall.bind(undefined, this)
    const events = this.#context.events
    if (events.hasListeners) {
      events.emit({
        type: 'request:received',
        era: 'legacy',
        method,
        id: this.requestId,
        sessionId: live.id,
      })
    }
    const params = message.params as MessageFields | undefined
    dispatchTo(this.#context.target, { method, params, scope: this }, this)
  }

  notify(method: string, params: Readonly<Record<string, unknown>>): Promise<void> {
    this.#job.reply.send({ jsonrpc: '2.0', method, params })
    return RESOLVED
  }

  request(
    method: string,
    params: Readonly<Record<string, unknown>>,
    options?: ChannelRequestOptions,
  ): Promise<unknown> {
    const { reply, live } = this.#job
    return live.requests.request({
      method,
      params,
      send: (message) => reply.send(message),
      signal: options?.signal ?? this.#control.signal,
      timeoutMs: options?.timeoutMs ?? this.#context.config.requestTimeoutMs,
    })
  }

  // SSE polling: the priming event (with `retry`) goes out, then the connection closes; the client
  // resumes with GET + Last-Event-ID and gets the rest from the event store.
  closeStream(): void {
    const stream = this.#job.reply.ensureStream()
    if (stream instanceof LegacyStream) stream.detach()
  }

  /** The dispatch's result. */
  resolved(result: Readonly<Record<string, unknown>>): void {
    this.finish('result', { message: resultResponse(this.requestId, result) })
  }

  /** The dispatch's failure. */
  rejected(error: unknown): void {
    this.finish('error', { message: errorResponse(this.requestId, dispatchFailure(error).error) })
  }

  /** `notifications/cancelled` for this request. */
  cancelled(): void {
    this.#control.abort(new DOMException('The client cancelled the request', 'AbortError'))
    this.finish('cancelled')
  }

  /** Ends the request once: the answer (or none, when cancelled) goes to the reply. */
  finish(outcome: RequestOutcome, answer?: { message: unknown; status?: number }): boolean {
    if (this.#finished) return false
    this.#finished = true
    const { reply, live } = this.#job
    this.#context.inFlight.end(this.#control)
    live.untrackRequest(this.requestId, this.#cancel)
    if (answer === undefined) reply.skip()
    else reply.respond(answer.message, answer.status)
    this.#context.live.release(live)
    if (this.#context.events.hasListeners) this.#settled(outcome)
    return true
  }

  #settled(outcome: RequestOutcome): void {
    const { message, live } = this.#job
    this.#context.events.emit({
      type: 'request:settled',
      era: 'legacy',
      method: message.method as string,
      id: this.requestId,
      sessionId: live.id,
      outcome,
      durationMs: this.#context.environment.now() - this.#startedAt,
    })
  }
}

function cancelCall(call: LegacyCall): void {
  call.cancelled()
}

function terminateCall(call: LegacyCall, reason: TerminationReason): void {
  call.finish(reason, terminated(call.requestId, reason))
}

/** The channel of a request whose stream cannot be resumed (2024-11-05): no `closeStream`. */
class PlainChannel implements RequestChannel {
  readonly #call: LegacyCall

  constructor(call: LegacyCall) {
    this.#call = call
  }

  notify(method: string, params: Readonly<Record<string, unknown>>): Promise<void> {
    return this.#call.notify(method, params)
  }

  request(
    method: string,
    params: Readonly<Record<string, unknown>>,
    options?: ChannelRequestOptions,
  ): Promise<unknown> {
    return this.#call.request(method, params, options)
  }
}

function terminated(
  id: JsonRpcId,
  reason: TerminationReason,
): { message: unknown; status: number } {
  const error = ProtocolError.internal(
    reason === 'timeout' ? 'Request timed out' : 'The server is shutting down',
  )
  return { message: errorResponse(id, error.toJsonRpc()), status: reason === 'timeout' ? 200 : 503 }
}

/**
 * Opens the SSE side of a legacy POST reply: a tracked {@link LegacyStream} registered with the
 * session (for resumption) and with the server (keep-alive, shutdown, counting).
 */
export function openLegacyReplyStream(context: LegacyContext, live: LiveSession): ReplyStream {
  const connection = new SseStream()
  const stream = new LegacyStream({
    sessionId: live.id,
    streamId: context.nextStreamId(),
    tracker: context.tracker,
    retryMs: context.config.sseRetryMs,
    connection,
    onError: (error) => reportError(context, 'sse', error),
  })
  live.addStream(stream)
  stream.onComplete = () => {
    live.removeStream(stream)
    context.live.release(live)
  }
  context.streams.add(connection, {
    kind: 'reply',
    era: 'legacy',
    sessionId: live.id,
    shutdown: () => connection.send({ retry: context.config.sseRetryMs }),
    onClosed: () => stream.connectionClosed(connection),
  })
  return stream
}
