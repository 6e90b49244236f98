/**
 * The 2024-11-05 HTTP+SSE transport, for very old clients: a GET opens an event stream whose first
 * event, `endpoint`, names the URL to POST messages to (with this connection's `sessionId`); every
 * POST gets 202, and responses travel back as SSE `message` events. The connection is the session:
 * nothing is persisted and nothing is resumable.
 */
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { classifyMessage, describeInvalid } from '../../core/protocol/classify.ts'
import { errorResponse, type JsonRpcId, resultResponse } from '../../core/protocol/messages.ts'
import { SseStream } from '../../core/sse/writer.ts'
import type { SessionRecord } from '../../stores/session-store.ts'
import type { SessionHandle } from '../dispatch/scope.ts'
import { reportError } from '../http/context.ts'
import {
  dispatchFailure,
  errorReply,
  type HeldSlot,
  type MessageFields,
} from '../http/post-input.ts'
import { Reply, type ReplyStream } from '../http/reply.ts'
import { type Answer, emptyResponse, sseResponse } from '../http/responses.ts'
import { logNotification, passesLevel } from '../registry/log-message.ts'
import { type LegacyContext, sessionNotFound, sessionRevision } from './legacy-context.ts'
import { runLegacyRequest } from './legacy-request.ts'
import { LiveSession } from './live-sessions.ts'

const NEVER_ABORTED = new AbortController().signal
// Replies on this transport all share the connection; nobody reads their own Response.
const UNUSED_RESPONSE = emptyResponse(204)

/** One HTTP+SSE connection and the session it carries. */
class HttpSseSession {
  readonly id: string
  readonly connection: SseStream
  readonly live: LiveSession
  readonly handle: SessionHandle
  readonly stream: ReplyStream
  record: SessionRecord
  /** Server-initiated notifications wait for `initialize` (SPEC §7.1). */
  initialized = false

  constructor(input: { id: string; connection: SseStream; live: LiveSession; now: number }) {
    this.id = input.id
    this.connection = input.connection
    this.live = input.live
    this.handle = { id: input.id, logLevel: undefined, subscriptions: new Set() }
    this.record = {
      id: input.id,
      revision: '2024-11-05',
      createdAt: input.now,
      lastSeenAt: input.now,
    }
    const connection = input.connection
    this.stream = {
      response: UNUSED_RESPONSE,
      send: (message) => {
        connection.send({ event: 'message', data: JSON.stringify(message) })
      },
      end: noop,
    }
  }

  /** Sends one message as a `message` event. */
  send(message: unknown): void {
    this.stream.send(message)
  }
}

/**
 * The open HTTP+SSE connections of one server.
 *
 * @example
 * if (path === '/sse') return httpSse.open(context, { request, slot })
 * if (path === '/messages') return httpSse.post(context, { body, sessionId })
 */
export class HttpSseTransport {
  readonly #sessions = new Map<string, HttpSseSession>()
  readonly #messagesPath: string

  /** `messagesPath` is the path the `endpoint` event names. */
  constructor(messagesPath: string) {
    this.#messagesPath = messagesPath
  }

  /** Connections open now. */
  get size(): number {
    return this.#sessions.size
  }

  /** Opens a connection (the GET). */
  open(context: LegacyContext, input: { slot: HeldSlot }): Answer {
    const id = globalThis.crypto.randomUUID()
    const connection = new SseStream()
    const live = new LiveSession(id, context.environment)
    const session = new HttpSseSession({ id, connection, live, now: Date.now() })
    this.#sessions.set(id, session)
    connection.send({
      event: 'endpoint',
      data: `${this.#messagesPath}?sessionId=${encodeURIComponent(id)}`,
    })
    input.slot.keep()
    const detach = context.fanout.add({
      deliver: (event) => {
        if (!session.initialized) return
        if (event.type === 'list_changed') {
          session.send({ jsonrpc: '2.0', method: `notifications/${event.kind}/list_changed` })
        } else if (event.type === 'log') {
          if (passesLevel(event.level, session.handle.logLevel)) {
            session.send(logNotification(event))
          }
        } else if (session.handle.subscriptions.has(event.uri)) {
          session.send({
            jsonrpc: '2.0',
            method: 'notifications/resources/updated',
            params: { uri: event.uri },
          })
        }
      },
    })
    context.streams.add(connection, {
      kind: 'http-sse',
      era: 'legacy',
      sessionId: id,
      shutdown: noop,
      onClosed: () => {
        this.#sessions.delete(id)
        detach()
        input.slot.release()
        live.end(new Error('The SSE connection closed'))
        if (context.events.hasListeners) {
          context.events.emit({ type: 'session:closed', sessionId: id, reason: 'disconnected' })
        }
      },
    })
    return sseResponse(connection)
  }

  /** Accepts a POSTed message (or batch) for connection `sessionId`: 202, answers go out as events. */
  post(context: LegacyContext, input: { body: unknown; sessionId: string | null }): Answer {
    const session = input.sessionId === null ? undefined : this.#sessions.get(input.sessionId)
    if (session === undefined) {
      return errorReply(404, null, sessionNotFound())
    }
    const messages = Array.isArray(input.body) ? input.body : [input.body]
    for (const message of messages) this.#accept(context, { session, message })
    return emptyResponse(202)
  }

  #accept(context: LegacyContext, input: { session: HttpSseSession; message: unknown }): void {
    const { session, message } = input
    const kind = classifyMessage(message)
    const fields = message as MessageFields
    if (kind === 'invalid') {
      const invalid = describeInvalid(message)
      session.send(
        errorResponse(invalid.id, ProtocolError.invalidRequest(invalid.message).toJsonRpc()),
      )
    } else if (kind === 'result' || kind === 'error') {
      session.live.existingRequests?.settle(fields)
    } else if (kind === 'notification') {
      this.#notification(context, { session, message: fields })
    } else if (fields.method === 'initialize') {
      this.#initialize(context, { session, message: fields })
    } else {
      const reply = new Reply({ openStream: () => session.stream })
      reply.ensureStream()
      runLegacyRequest(context, {
        record: session.record,
        session: session.handle,
        live: session.live,
        message: fields,
        reply,
        resumable: false,
      })
    }
  }

  #initialize(
    context: LegacyContext,
    input: { session: HttpSseSession; message: MessageFields },
  ): void {
    const { session, message } = input
    const id = message.id as JsonRpcId
    try {
      const negotiated = context.target.initialize(message.params)
      const params = message.params as MessageFields
      session.record = {
        ...session.record,
        revision: negotiated.revision,
        ...(params.clientInfo !== undefined && { clientInfo: params.clientInfo as MessageFields }),
        ...(params.capabilities !== undefined && {
          clientCapabilities: params.capabilities as MessageFields,
        }),
      }
      session.initialized = true
      session.send(resultResponse(id, negotiated.result))
      if (context.events.hasListeners) {
        context.events.emit({
          type: 'session:opened',
          sessionId: session.id,
          revision: negotiated.revision,
        })
      }
    } catch (error) {
      session.send(errorResponse(id, dispatchFailure(error).error))
    }
  }

  #notification(
    context: LegacyContext,
    input: { session: HttpSseSession; message: MessageFields },
  ): void {
    const { session, message } = input
    const method = message.method as string
    const params = message.params as MessageFields | undefined
    if (method === 'notifications/cancelled') {
      const requestId = params?.requestId
      if (typeof requestId === 'string' || typeof requestId === 'number') {
        session.live.cancelRequest(requestId)
      }
      return
    }
    try {
      context.target.dispatchNotification(method, params, {
        era: 'legacy',
        revision: sessionRevision(session.record),
        signal: NEVER_ABORTED,
        clientCapabilities: session.record.clientCapabilities ?? {},
        clientInfo: session.record.clientInfo,
        session: session.handle,
      })
    } catch (error) {
      reportError(context, 'notification', error)
    }
  }
}

function noop(): void {}
