/**
 * Serving one legacy request inside a session: its abort control (cancelled by
 * `notifications/cancelled`, never by a dropped connection), its channel (notifications and
 * server→client requests on its own stream, and `closeStream()` for SSE polling), and its answer.
 */
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { errorResponse, type JsonRpcId, resultResponse } from '../../core/protocol/messages.ts'
import { SseStream } from '../../core/sse/writer.ts'
import type { SessionRecord } from '../../stores/session-store.ts'
import type { RequestChannel, RequestScope, SessionHandle } from '../dispatch/scope.ts'
import { reportError } from '../http/context.ts'
import type { RequestControl, TerminationReason } from '../http/in-flight.ts'
import { dispatchFailure, type MessageFields } from '../http/post-input.ts'
import type { Reply, ReplyStream } from '../http/reply.ts'
import type { RequestOutcome } from '../http/server-events.ts'
import { type LegacyContext, sessionRevision } from './legacy-context.ts'
import { LegacyStream } from './legacy-stream.ts'
import type { LiveSession } from './live-sessions.ts'

const RESOLVED = Promise.resolve()

/** One request to serve in a session. */
export interface LegacyJob {
  readonly record: SessionRecord
  readonly session: SessionHandle
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
  const { message, reply, live } = job
  const id = message.id as JsonRpcId
  const method = message.method as string
  const control = context.inFlight.start()
  const startedAt = context.events.hasListeners ? context.environment.now() : 0
  let finished = false
  const finish = (outcome: RequestOutcome, answer?: { message: unknown; status?: number }) => {
    if (finished) return false
    finished = true
    context.inFlight.end(control)
    live.untrackRequest(id, cancel)
    if (answer === undefined) reply.skip()
    else reply.respond(answer.message, answer.status)
    context.live.release(live)
    settled(context, { job, outcome, startedAt })
    return true
  }
  const cancel = () => {
    control.abort(new DOMException('The client cancelled the request', 'AbortError'))
    finish('cancelled')
  }
  live.trackRequest(id, cancel)
  control.onTerminate = (reason: TerminationReason) => finish(reason, terminated(id, reason))
  if (context.events.hasListeners) {
    context.events.emit({ type: 'request:received', era: 'legacy', method, id, sessionId: live.id })
  }
  const scope = legacyScope(job, { control, channel: legacyChannel(context, { job, control }) })
  context.target.dispatch(method, message.params as MessageFields | undefined, scope).then(
    (result) => finish('result', { message: resultResponse(id, result) }),
    (error: unknown) =>
      finish('error', { message: errorResponse(id, dispatchFailure(error).error) }),
  )
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

function settled(
  context: LegacyContext,
  info: { job: LegacyJob; outcome: RequestOutcome; startedAt: number },
): void {
  if (!context.events.hasListeners) return
  context.events.emit({
    type: 'request:settled',
    era: 'legacy',
    method: info.job.message.method as string,
    id: info.job.message.id as JsonRpcId,
    sessionId: info.job.live.id,
    outcome: info.outcome,
    durationMs: context.environment.now() - info.startedAt,
  })
}

function legacyScope(
  job: LegacyJob,
  input: { control: RequestControl; channel: RequestChannel },
): RequestScope {
  const { record } = job
  const { control } = input
  return {
    era: 'legacy',
    revision: sessionRevision(record),
    requestId: job.message.id as JsonRpcId,
    get signal() {
      return control.signal
    },
    clientCapabilities: record.clientCapabilities ?? {},
    clientInfo: record.clientInfo,
    session: job.session,
    channel: input.channel,
  }
}

function legacyChannel(
  context: LegacyContext,
  input: { job: LegacyJob; control: RequestControl },
): RequestChannel {
  const { reply, live } = input.job
  const channel: RequestChannel = {
    notify(method, params) {
      reply.send({ jsonrpc: '2.0', method, params })
      return RESOLVED
    },
    request(method, params, options) {
      return live.requests.request({
        method,
        params,
        send: (message) => reply.send(message),
        signal: options?.signal ?? input.control.signal,
        timeoutMs: options?.timeoutMs ?? context.config.requestTimeoutMs,
      })
    },
  }
  if (input.job.resumable === false) return channel
  // SSE polling: the priming event (with `retry`) goes out, then the connection closes; the client
  // resumes with GET + Last-Event-ID and gets the rest from the event store.
  channel.closeStream = () => {
    const stream = reply.ensureStream()
    if (stream instanceof LegacyStream) stream.detach()
  }
  return channel
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
