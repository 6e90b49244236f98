/**
 * Legacy GET and DELETE (SPEC §4.3–§4.5). GET opens the session's one standalone stream, which
 * carries server-initiated notifications (list changes, updates of subscribed resources); with
 * `Last-Event-ID` it resumes a stream instead, replaying that stream's missed events only. DELETE
 * ends the session; its id then gets 404.
 */
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { SseStream } from '../../core/sse/writer.ts'
import type { SessionRecord } from '../../stores/session-store.ts'
import type { FanoutTarget } from '../http/fanout.ts'
import { accepts, SSE_MEDIA_TYPE } from '../http/media-type.ts'
import type { StreamEntry } from '../http/open-streams.ts'
import type { HeldSlot } from '../http/post-input.ts'
import { errorReply } from '../http/post-input.ts'
import {
  type Answer,
  emptyResponse,
  type HttpRequest,
  jsonRpcErrorResponse,
  PreparedResponse,
  sseResponse,
} from '../http/responses.ts'
import type { BusEvent } from '../modern/bus.ts'
import { logNotification, passesLevel } from '../registry/log-message.ts'
import {
  checkLegacyVersionHeader,
  findSession,
  type LegacyContext,
  sessionIdRequired,
  sessionNotFound,
} from './legacy-context.ts'
import { LegacyStream, replay } from './legacy-stream.ts'
import type { LiveSession } from './live-sessions.ts'

/** The stream id of every session's standalone GET stream. */
export const GET_STREAM_ID = 'g'

/** A GET or DELETE with the session it names. */
interface SessionRequest {
  readonly request: HttpRequest
  readonly slot: HeldSlot
}

/**
 * Checks the version header and the session of a GET or DELETE. Returns the session record, or the
 * error response to send.
 */
async function requireSession(
  context: LegacyContext,
  request: HttpRequest,
): Promise<SessionRecord | PreparedResponse> {
  const versionError = checkLegacyVersionHeader(
    context,
    request.headers.get('mcp-protocol-version'),
  )
  if (versionError !== undefined) return errorReply(400, null, versionError)
  const sessionId = request.headers.get('mcp-session-id')
  if (sessionId === null) return errorReply(400, null, sessionIdRequired())
  const record = await findSession(context, sessionId)
  if (record === undefined) return errorReply(404, null, sessionNotFound())
  context.sessions.touch(sessionId)
  return record
}

/**
 * Answers a legacy GET: the standalone stream, or a resumption when `Last-Event-ID` is present.
 *
 * @example
 * if (request.method === 'GET') return handleLegacyGet(context, { request, slot })
 */
export async function handleLegacyGet(
  context: LegacyContext,
  input: SessionRequest,
): Promise<Answer> {
  if (!acceptsEventStream(input.request)) return notAcceptable()
  const record = await requireSession(context, input.request)
  if (record instanceof PreparedResponse) return record
  const live = context.live.ensure(record.id)
  const lastEventId = input.request.headers.get('last-event-id')
  if (lastEventId !== null) {
    const resumed = resume(context, { live, lastEventId, slot: input.slot })
    if (resumed !== undefined) return resumed
  }
  if (live.getStream?.connection !== undefined) {
    context.live.release(live)
    return jsonRpcErrorResponse({
      status: 409,
      id: null,
      error: ProtocolError.invalidRequest(
        'Conflict: this session already has an open GET stream',
      ).toJsonRpc(),
    })
  }
  return openGetStream(context, { live, slot: input.slot })
}

function openGetStream(
  context: LegacyContext,
  input: { live: LiveSession; slot: HeldSlot; lastEventId?: string },
): Answer {
  const { live, slot } = input
  const connection = new SseStream()
  const stream = new LegacyStream({
    sessionId: live.id,
    streamId: GET_STREAM_ID,
    tracker: context.tracker,
    retryMs: context.config.sseRetryMs,
    connection,
    prime: input.lastEventId === undefined,
  })
  // Replace first, then close: the old connection's close handler must not see itself as current.
  const previous = live.getStream
  live.getStream = stream
  previous?.connection?.close()
  if (input.lastEventId !== undefined) void stream.resume(connection, input.lastEventId)
  slot.keep()
  const registration = new GetStreamRegistration(context, { live, stream, connection, slot })
  context.fanout.attach(registration)
  context.streams.add(connection, registration)
  return stream.response
}

/**
 * An open GET stream's place in the server: its open-stream entry and its fan-out target, as one
 * object (a session may hold its GET stream for hours; closures per concern would cost more).
 */
class GetStreamRegistration implements StreamEntry, FanoutTarget {
  readonly kind = 'get'
  readonly era = 'legacy'
  readonly sessionId: string
  readonly #context: LegacyContext
  readonly #live: LiveSession
  readonly #stream: LegacyStream
  readonly #connection: SseStream
  readonly #slot: HeldSlot

  constructor(
    context: LegacyContext,
    parts: { live: LiveSession; stream: LegacyStream; connection: SseStream; slot: HeldSlot },
  ) {
    this.sessionId = parts.live.id
    this.#context = context
    this.#live = parts.live
    this.#stream = parts.stream
    this.#connection = parts.connection
    this.#slot = parts.slot
  }

  deliver(event: BusEvent): void {
    deliverToSession(this.#context, { stream: this.#stream, event })
  }

  shutdown(): void {
    this.#connection.send({ retry: this.#context.config.sseRetryMs })
  }

  /** A client listening on its GET stream is using the session, even without requests. */
  onKeepAlive(): void {
    this.#context.sessions.touch(this.sessionId)
  }

  onClosed(): void {
    this.#context.fanout.remove(this)
    this.#slot.release()
    this.#stream.connectionClosed(this.#connection)
    if (this.#live.getStream === this.#stream) this.#live.getStream = undefined
    this.#context.live.release(this.#live)
  }
}

/**
 * Server-wide events for one session: list changes, updates of resources it subscribed to, and log
 * messages its log level lets through.
 */
function deliverToSession(
  context: LegacyContext,
  input: { stream: LegacyStream; event: BusEvent },
): void {
  const { stream, event } = input
  if (event.type === 'list_changed') {
    stream.send({ jsonrpc: '2.0', method: `notifications/${event.kind}/list_changed` })
    return
  }
  if (event.type === 'log') {
    const threshold = context.sessions.peek(stream.sessionId)?.logLevel
    if (passesLevel(event.level, threshold)) stream.send(logNotification(event))
    return
  }
  const subscriptions = context.sessions.peek(stream.sessionId)?.subscriptions
  if (subscriptions?.includes(event.uri) !== true) return
  stream.send({
    jsonrpc: '2.0',
    method: 'notifications/resources/updated',
    params: { uri: event.uri },
  })
}

/**
 * Resumes the stream `lastEventId` belongs to. A POST stream still running here takes over the new
 * connection; a finished one is replayed from the event store and closed; the GET stream reopens
 * with its replay. `undefined` when the id is not one of ours: the GET becomes a fresh stream.
 */
function resume(
  context: LegacyContext,
  input: { live: LiveSession; lastEventId: string; slot: HeldSlot },
): Answer | undefined {
  const { live, lastEventId, slot } = input
  const tracker = context.tracker
  const streamId = tracker?.streamIdOf(lastEventId)
  if (tracker === undefined || streamId === undefined) return undefined
  if (streamId === GET_STREAM_ID) return openGetStream(context, { live, slot, lastEventId })
  const connection = new SseStream()
  const running = live.stream(streamId)
  slot.keep()
  context.streams.add(connection, {
    kind: 'reply',
    era: 'legacy',
    sessionId: live.id,
    shutdown: () => connection.send({ retry: context.config.sseRetryMs }),
    onClosed: () => {
      slot.release()
      running?.connectionClosed(connection)
      context.live.release(live)
    },
  })
  if (running !== undefined) {
    void running.resume(connection, lastEventId)
  } else {
    const target = { connection, sessionId: live.id, lastEventId }
    replay(tracker, target).then(
      () => connection.close(),
      () => connection.close(),
    )
  }
  return sseResponse(connection)
}

/** Whether a GET admits `text/event-stream` (a missing `Accept` admits everything). */
export function acceptsEventStream(request: HttpRequest): boolean {
  return accepts(request.headers.get('accept'), [SSE_MEDIA_TYPE])
}

/** 406 for a GET that does not accept an event stream. */
export function notAcceptable(): Answer {
  return jsonRpcErrorResponse({
    status: 406,
    id: null,
    error: ProtocolError.invalidRequest(
      'Not Acceptable: the client must accept text/event-stream',
    ).toJsonRpc(),
  })
}

/**
 * Answers a legacy DELETE: ends the session and everything it has running.
 *
 * @example
 * if (request.method === 'DELETE') return handleLegacyDelete(context, request)
 */
export async function handleLegacyDelete(
  context: LegacyContext,
  request: HttpRequest,
): Promise<Answer> {
  const record = await requireSession(context, request)
  if (record instanceof PreparedResponse) return record
  context.live.end(record.id, new Error('The session was deleted'))
  await context.sessions.delete(record.id, 'closed')
  return emptyResponse(204)
}
