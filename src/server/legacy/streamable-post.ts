/**
 * Legacy Streamable HTTP POSTs (2025-03-26 to 2025-11-25, SPEC §4): `initialize` opens a session
 * and returns its `Mcp-Session-Id`; every other message needs a live session id (400 without one,
 * 404 for an unknown or ended one). Responses and notifications get 202; requests get JSON, or SSE
 * once something has to go out before the response. Batches only in 2025-03-26 sessions.
 */
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { isPromiseLike, type MaybePromise } from '../../core/maybe-promise.ts'
import { classifyMessage, describeInvalid } from '../../core/protocol/classify.ts'
import { errorResponse, type JsonRpcId } from '../../core/protocol/messages.ts'
import type { SessionRecord } from '../../stores/session-store.ts'
import { reportError } from '../http/context.ts'
import {
  dispatchFailure,
  errorReply,
  type MessageFields,
  type PostInput,
} from '../http/post-input.ts'
import { Reply } from '../http/reply.ts'
import { type Answer, emptyResponse, jsonResponse } from '../http/responses.ts'
import {
  checkLegacyVersionHeader,
  findSession,
  type LegacyContext,
  sessionIdRequired,
  sessionNotFound,
  sessionRevision,
} from './legacy-context.ts'
import { openLegacyReplyStream, runLegacyRequest, serveLegacyPost } from './legacy-request.ts'
import { sessionHandle } from './session-handle.ts'

const SESSION_HEADER = 'mcp-session-id'
// Client notifications are never aborted; one signal serves them all.
const NEVER_ABORTED = new AbortController().signal

/**
 * Answers one legacy POST.
 *
 * @example
 * if (era.era === 'legacy') return handleLegacyPost(context, input)
 */
export function handleLegacyPost(context: LegacyContext, input: PostInput): MaybePromise<Answer> {
  const { body, request } = input
  if (!Array.isArray(body)) {
    const kind = classifyMessage(body)
    if (kind === 'invalid') return invalidMessage(body)
    const message = body as MessageFields
    if (kind === 'request' && message.method === 'initialize') {
      return initializeSession(context, { id: message.id as JsonRpcId, params: message.params })
    }
  }
  const idForErrors = Array.isArray(body) ? null : readableId(body)
  const versionError = checkLegacyVersionHeader(
    context,
    request.headers.get('mcp-protocol-version'),
  )
  if (versionError !== undefined) return errorReply(400, idForErrors, versionError)
  const sessionId = request.headers.get(SESSION_HEADER)
  if (sessionId === null) return errorReply(400, idForErrors, sessionIdRequired())
  // The session is in memory (synchronous) unless another process created it.
  const found = findSession(context, sessionId)
  if (isPromiseLike(found)) {
    return found.then((record) => inSession(context, { input, record, idForErrors }))
  }
  return inSession(context, { input, record: found, idForErrors })
}

function inSession(
  context: LegacyContext,
  found: { input: PostInput; record: SessionRecord | undefined; idForErrors: JsonRpcId | null },
): MaybePromise<Answer> {
  const { input, record } = found
  if (record === undefined) return errorReply(404, found.idForErrors, sessionNotFound())
  context.sessions.touch(record.id)
  const body = input.body
  if (Array.isArray(body)) return handleBatch(context, { input, record, messages: body })
  return handleMessage(context, { input, record, message: body as MessageFields })
}

function invalidMessage(body: unknown): Answer {
  const invalid = describeInvalid(body)
  return errorReply(400, invalid.id, ProtocolError.invalidRequest(invalid.message))
}

function readableId(body: unknown): JsonRpcId | null {
  const id = (body as { id?: unknown }).id
  return typeof id === 'string' || Number.isSafeInteger(id) ? (id as JsonRpcId) : null
}

async function initializeSession(
  context: LegacyContext,
  init: { id: JsonRpcId; params: unknown },
): Promise<Answer> {
  let negotiated: ReturnType<LegacyContext['target']['initialize']>
  try {
    negotiated = context.target.initialize(init.params)
  } catch (error) {
    return jsonResponse(JSON.stringify(errorResponse(init.id, dispatchFailure(error).error)), {
      status: 200,
    })
  }
  const params = init.params as MessageFields
  const record = await context.sessions.create({
    revision: negotiated.revision,
    clientInfo: params.clientInfo as MessageFields | undefined,
    clientCapabilities: params.capabilities as MessageFields | undefined,
  })
  const body = JSON.stringify({ jsonrpc: '2.0', id: init.id, result: negotiated.result })
  return jsonResponse(body, { status: 200, headers: { 'mcp-session-id': record.id } })
}

interface SessionMessage {
  readonly input: PostInput
  readonly record: SessionRecord
  readonly message: MessageFields
}

function handleMessage(context: LegacyContext, target: SessionMessage): Answer | Promise<Answer> {
  const { message, record, input } = target
  const kind = classifyMessage(message)
  if (kind === 'result' || kind === 'error') {
    context.live.get(record.id)?.existingRequests?.settle(message)
    return emptyResponse(202)
  }
  if (kind === 'notification') {
    acceptNotification(context, { record, message })
    return emptyResponse(202)
  }
  const live = context.live.ensure(record.id)
  return serveLegacyPost(context, { record, live, message, slot: input.slot })
}

function handleBatch(
  context: LegacyContext,
  batch: { input: PostInput; record: SessionRecord; messages: readonly unknown[] },
): Answer | Promise<Answer> {
  const { record, messages, input } = batch
  if (messages.length === 0 || sessionRevision(record) !== '2025-03-26') {
    const reason =
      messages.length === 0
        ? 'Invalid Request: an empty batch'
        : `Invalid Request: batches are not supported by ${record.revision}`
    return errorReply(400, null, ProtocolError.invalidRequest(reason))
  }
  const kinds = messages.map((message) => classifyMessage(message))
  const expected = kinds.filter((kind) => kind === 'request' || kind === 'invalid').length
  const live = context.live.ensure(record.id)
  input.slot.keep()
  const reply = new Reply({
    expected,
    batch: true,
    openStream: () => openLegacyReplyStream(context, live),
    onSettled: () => input.slot.release(),
  })
  const session = sessionHandle(context.sessions, record)
  messages.forEach((message, index) => {
    const kind = kinds[index]
    if (kind === 'request' && (message as MessageFields).method === 'initialize') {
      const error = ProtocolError.invalidRequest('Invalid Request: initialize cannot be batched')
      reply.respond(errorResponse((message as MessageFields).id as JsonRpcId, error.toJsonRpc()))
    } else if (kind === 'request') {
      runLegacyRequest(context, { record, session, live, message: message as MessageFields, reply })
    } else if (kind === 'invalid') {
      const invalid = describeInvalid(message)
      reply.respond(
        errorResponse(invalid.id, ProtocolError.invalidRequest(invalid.message).toJsonRpc()),
      )
    } else {
      handleMessage(context, { input, record, message: message as MessageFields })
    }
  })
  context.live.release(live)
  if (expected === 0) return emptyResponse(202)
  return reply.response
}

function acceptNotification(
  context: LegacyContext,
  target: { record: SessionRecord; message: MessageFields },
): void {
  const { record, message } = target
  const method = message.method as string
  const params = message.params as MessageFields | undefined
  if (context.events.hasListeners) {
    context.events.emit({
      type: 'notification:received',
      era: 'legacy',
      method,
      sessionId: record.id,
    })
  }
  if (method === 'notifications/cancelled') {
    const requestId = params?.requestId
    if (typeof requestId === 'string' || typeof requestId === 'number') {
      context.live.get(record.id)?.cancelRequest(requestId)
    }
    return
  }
  try {
    context.target.dispatchNotification(method, params, {
      era: 'legacy',
      revision: sessionRevision(record),
      signal: NEVER_ABORTED,
      clientCapabilities: record.clientCapabilities ?? {},
      clientInfo: record.clientInfo,
      session: sessionHandle(context.sessions, record),
    })
  } catch (error) {
    reportError(context, 'notification', error)
  }
}
