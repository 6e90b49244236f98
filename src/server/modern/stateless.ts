/**
 * The stateless revision (2026-07-28) over HTTP, SPEC §3: every POST stands alone. `_meta` and the
 * standard headers are checked before dispatch; the answer is JSON, or SSE once a related
 * notification has to go out first; closing that stream cancels the request. No session is ever
 * read, minted or echoed.
 */

import type { HeaderLookup } from '../../core/buffered-exchange.ts'
import { LATEST_REVISION } from '../../core/eras/versions.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import {
  classifyMessage,
  describeInvalid,
  isJsonRpcId,
  type MessageKind,
} from '../../core/protocol/classify.ts'
import { errorResponse, type JsonRpcId, resultResponse } from '../../core/protocol/messages.ts'
import { CLIENT_CAPABILITIES_META_KEY, CLIENT_INFO_META_KEY } from '../../core/schemas/meta-keys.ts'
import { SseStream } from '../../core/sse/writer.ts'
import type { RequestChannel, RequestScope } from '../dispatch/scope.ts'
import { reportError, type ServerContext } from '../http/context.ts'
import type { RequestControl } from '../http/in-flight.ts'
import {
  dispatchFailure,
  errorReply,
  type MessageFields,
  type PostInput,
} from '../http/post-input.ts'
import { Reply, type ReplyStream } from '../http/reply.ts'
import { type Answer, emptyResponse, sseResponse } from '../http/responses.ts'
import { serveListen } from './listen.ts'
import { isObject, LOG_LEVELS, type RequestMeta, readRequestMeta } from './meta.ts'
import { checkParamHeaders, paramHeaderBindings } from './param-headers.ts'
import { checkStandardHeaders } from './standard-headers.ts'

const RESOLVED = Promise.resolve()
// Client notifications are never aborted; one signal serves them all.
const NEVER_ABORTED = new AbortController().signal

/**
 * Answers one modern POST.
 *
 * @example
 * if (era.era === 'modern') return handleModernPost(context, input)
 */
export function handleModernPost(
  context: ServerContext,
  input: PostInput,
): Answer | Promise<Answer> {
  const { body } = input
  const kind = Array.isArray(body) ? 'invalid' : classifyMessage(body)
  if (kind === 'notification') return acceptNotification(context, body as MessageFields)
  if (kind !== 'request') return rejectNonRequest(body, kind)
  const message = body as MessageFields
  const id = message.id as JsonRpcId
  const method = message.method as string
  const params = message.params as MessageFields | undefined
  const headers = input.request.headers
  let meta: RequestMeta
  try {
    meta = readRequestMeta(params, {
      header: headers.get('mcp-protocol-version'),
      supported: context.modernVersions,
    })
  } catch (error) {
    return errorReply(400, id, error as ProtocolError)
  }
  const headerError = checkStandardHeaders({ method, params, headers })
  if (headerError !== undefined) return errorReply(400, id, headerError)
  if (!context.target.hasMethod(method, meta.protocolVersion)) {
    return errorReply(404, id, ProtocolError.methodNotFound(method))
  }
  if (method === 'subscriptions/listen') return serveListen(context, { input, id, params })
  if (method === 'tools/call') {
    const paramError = checkToolHeaders(context, { params, headers })
    if (paramError !== undefined) return errorReply(400, id, paramError)
  }
  return serveRequest(context, { input, id, method, params, meta })
}

function rejectNonRequest(body: unknown, kind: MessageKind): Answer {
  if (Array.isArray(body)) {
    const error = ProtocolError.invalidRequest('Invalid Request: 2026-07-28 has no batches')
    return errorReply(400, undefined, error)
  }
  if (kind === 'invalid') {
    const invalid = describeInvalid(body)
    return errorReply(400, invalid.id ?? undefined, ProtocolError.invalidRequest(invalid.message))
  }
  const id = (body as { id?: unknown }).id
  const error = ProtocolError.invalidRequest(
    'Invalid Request: clients do not send responses in 2026-07-28',
  )
  return errorReply(400, isJsonRpcId(id) ? id : undefined, error)
}

function acceptNotification(context: ServerContext, message: MessageFields): Answer {
  const method = message.method as string
  const params = message.params as MessageFields | undefined
  const meta = isObject(params?._meta) ? params._meta : {}
  const capabilities = meta[CLIENT_CAPABILITIES_META_KEY]
  const info = meta[CLIENT_INFO_META_KEY]
  if (context.events.hasListeners) {
    context.events.emit({ type: 'notification:received', era: 'modern', method })
  }
  try {
    context.target.dispatchNotification(method, params, {
      era: 'modern',
      revision: LATEST_REVISION,
      signal: NEVER_ABORTED,
      clientCapabilities: isObject(capabilities) ? capabilities : {},
      clientInfo: isObject(info) ? info : undefined,
      session: undefined,
    })
  } catch (error) {
    reportError(context, 'notification', error)
  }
  return emptyResponse(202)
}

function checkToolHeaders(
  context: ServerContext,
  input: { params: MessageFields | undefined; headers: HeaderLookup },
): ProtocolError | undefined {
  const name = input.params?.name
  if (typeof name !== 'string') return undefined
  const schema = context.target.toolInputSchema(name)
  if (schema === undefined) return undefined
  const bindings = paramHeaderBindings(schema)
  if (bindings.length === 0) return undefined
  return checkParamHeaders(bindings, { arguments: input.params?.arguments, headers: input.headers })
}

interface ServeInput {
  readonly input: PostInput
  readonly id: JsonRpcId
  readonly method: string
  readonly params: MessageFields | undefined
  readonly meta: RequestMeta
}

function serveRequest(context: ServerContext, serve: ServeInput): Promise<Answer> {
  const { input, id, method } = serve
  const request = input.request
  const control = context.inFlight.start(() => request.signal)
  const startedAt = context.events.hasListeners ? context.environment.now() : 0
  input.slot.keep()
  let outcome: 'result' | 'error' | 'cancelled' | 'timeout' | 'shutdown' = 'result'
  const reply: Reply = new Reply({
    openStream: () => openReplyStream(context, () => cancel()),
    onSettled: () => {
      context.inFlight.end(control)
      input.slot.release()
      settled(context, { serve, outcome, startedAt })
    },
  })
  const cancel = () => {
    if (reply.done) return
    outcome = 'cancelled'
    control.abort(new DOMException('The client closed the response stream', 'AbortError'))
    reply.skip()
  }
  control.onTerminate = (reason) => {
    outcome = reason
    const error = ProtocolError.internal(
      reason === 'timeout' ? 'Request timed out' : 'The server is shutting down',
    )
    reply.respond(errorResponse(id, error.toJsonRpc()), reason === 'timeout' ? 200 : 503)
  }
  if (context.events.hasListeners) {
    context.events.emit({ type: 'request:received', era: 'modern', method, id })
  }
  const scope = modernScope({ serve, control, channel: modernChannel(serve.meta, reply) })
  context.target.dispatch(method, serve.params, scope).then(
    (result) => reply.respond(resultResponse(id, result)),
    (error: unknown) => {
      if (reply.done) return
      outcome = 'error'
      const failure = dispatchFailure(error)
      reply.respond(errorResponse(id, failure.error), failure.status)
    },
  )
  return reply.response
}

function settled(
  context: ServerContext,
  info: {
    serve: ServeInput
    outcome: 'result' | 'error' | 'cancelled' | 'timeout' | 'shutdown'
    startedAt: number
  },
): void {
  if (!context.events.hasListeners) return
  context.events.emit({
    type: 'request:settled',
    era: 'modern',
    method: info.serve.method,
    id: info.serve.id,
    outcome: info.outcome,
    durationMs: context.environment.now() - info.startedAt,
  })
}

function modernScope(input: {
  serve: ServeInput
  control: RequestControl
  channel: RequestChannel
}): RequestScope {
  const { serve, control, channel } = input
  return {
    era: 'modern',
    revision: serve.meta.protocolVersion,
    requestId: serve.id,
    get signal() {
      return control.signal
    },
    clientCapabilities: serve.meta.clientCapabilities,
    clientInfo: serve.meta.clientInfo,
    session: undefined,
    channel,
  }
}

/** Notifications related to the request; log messages only at or above the request's `logLevel`. */
function modernChannel(meta: RequestMeta, reply: Reply): RequestChannel {
  const minimum = meta.logLevel === undefined ? -1 : LOG_LEVELS.indexOf(meta.logLevel)
  return {
    notify(method, params) {
      if (method === 'notifications/message') {
        const level = typeof params.level === 'string' ? LOG_LEVELS.indexOf(params.level) : -1
        if (minimum < 0 || level < minimum) return RESOLVED
      }
      reply.send({ jsonrpc: '2.0', method, params })
      return RESOLVED
    },
  }
}

/** The SSE side of a modern reply: no event ids (no resumption), closing it cancels the request. */
function openReplyStream(context: ServerContext, onCancel: () => void): ReplyStream {
  const sse = new SseStream()
  context.streams.add(sse, { kind: 'reply', era: 'modern', shutdown: noop, onClosed: onCancel })
  return {
    response: sseResponse(sse),
    send: (message) => {
      sse.send({ data: JSON.stringify(message) })
    },
    end: () => sse.close(),
  }
}

function noop(): void {}
