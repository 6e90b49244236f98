/**
 * The stateless revision (2026-07-28) over HTTP, SPEC §3: every POST stands alone. `_meta` and the
 * standard headers are checked before dispatch; the answer is JSON, or SSE once a related
 * notification has to go out first; closing that stream cancels the request. No session is ever
 * read, minted or echoed.
 */

import type { HeaderLookup } from '../../core/buffered-exchange.ts'
import { LATEST_REVISION } from '../../core/eras/versions.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import type { MaybePromise } from '../../core/maybe-promise.ts'
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
import { dispatchTo, reportError, type ServerContext } from '../http/context.ts'
import type { RequestControl, TerminationReason } from '../http/in-flight.ts'
import {
  dispatchFailure,
  errorReply,
  type MessageFields,
  type PostInput,
} from '../http/post-input.ts'
import { Reply, type ReplyOptions, type ReplyStream } from '../http/reply.ts'
import { type Answer, emptyResponse, type HttpRequest, sseResponse } from '../http/responses.ts'
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

function serveRequest(context: ServerContext, serve: ServeInput): MaybePromise<Answer> {
  return new ModernCall(context, serve).start()
}

type Outcome = 'result' | 'error' | 'cancelled' | 'timeout' | 'shutdown'

/**
 * One stateless request being served: its scope and channel for the dispatcher and the owner of its
 * reply. One object with methods, and bound functions where a callback is needed: nothing in the
 * request path is a closure over the request.
 */
class ModernCall implements RequestScope, RequestChannel, ReplyOptions {
  readonly era = 'modern'
  readonly revision: RequestMeta['protocolVersion']
  readonly requestId: JsonRpcId
  readonly clientCapabilities: Readonly<Record<string, unknown>>
  readonly clientInfo: Readonly<Record<string, unknown>> | undefined
  readonly session = undefined
  readonly channel: RequestChannel = this
  readonly #context: ServerContext
  readonly #serve: ServeInput
  readonly #control: RequestControl
  readonly #reply: Reply
  readonly #startedAt: number
  readonly #minimumLevel: number
  #outcome: Outcome = 'result'

  constructor(context: ServerContext, serve: ServeInput) {
    const { meta } = serve
    this.revision = meta.protocolVersion
    this.requestId = serve.id
    this.clientCapabilities = meta.clientCapabilities
    this.clientInfo = meta.clientInfo
    this.#context = context
    this.#serve = serve
    this.#minimumLevel = meta.logLevel === undefined ? -1 : LOG_LEVELS.indexOf(meta.logLevel)
    this.#control = context.inFlight.start(signalOf.bind(undefined, serve.input.request))
    this.#startedAt = context.events.hasListeners ? context.environment.now() : 0
    this.#reply = new Reply(this)
  }

  get signal(): AbortSignal {
    return this.#control.signal
  }

  get aborted(): boolean {
    return this.#control.aborted
  }

  start(): MaybePromise<Answer> {
    const { method, params, input } = this.#serve
    input.slot.keep()
    this.#control.onTerminate = terminateCall.bind(undefined, this)
    const events = this.#context.events
    if (events.hasListeners) {
      events.emit({ type: 'request:received', era: 'modern', method, id: this.requestId })
    }
    dispatchTo(this.#context.target, { method, params, scope: this }, this)
    // A handler that answered at once has settled the reply already: no promise is needed.
    return this.#reply.answered ?? this.#reply.response
  }

  /** Notifications related to the request; log messages only at or above its `logLevel`. */
  notify(method: string, params: Readonly<Record<string, unknown>>): Promise<void> {
    if (method === 'notifications/message') {
      const level = typeof params.level === 'string' ? LOG_LEVELS.indexOf(params.level) : -1
      if (this.#minimumLevel < 0 || level < this.#minimumLevel) return RESOLVED
    }
    this.#reply.send({ jsonrpc: '2.0', method, params })
    return RESOLVED
  }

  openStream(): ReplyStream {
    return openReplyStream(this.#context, cancelCall.bind(undefined, this))
  }

  onSettled(): void {
    this.#context.inFlight.end(this.#control)
    this.#serve.input.slot.release()
    if (this.#context.events.hasListeners) this.#settled()
  }

  resolved(result: Readonly<Record<string, unknown>>): void {
    this.#reply.respond(resultResponse(this.requestId, result))
  }

  rejected(error: unknown): void {
    if (this.#reply.done) return
    this.#outcome = 'error'
    const failure = dispatchFailure(error)
    this.#reply.respond(errorResponse(this.requestId, failure.error), failure.status)
  }

  cancelled(): void {
    if (this.#reply.done) return
    this.#outcome = 'cancelled'
    this.#control.abort(new DOMException('The client closed the response stream', 'AbortError'))
    this.#reply.skip()
  }

  terminated(reason: TerminationReason): void {
    this.#outcome = reason
    const error = ProtocolError.internal(
      reason === 'timeout' ? 'Request timed out' : 'The server is shutting down',
    )
    this.#reply.respond(
      errorResponse(this.requestId, error.toJsonRpc()),
      reason === 'timeout' ? 200 : 503,
    )
  }

  #settled(): void {
    this.#context.events.emit({
      type: 'request:settled',
      era: 'modern',
      method: this.#serve.method,
      id: this.requestId,
      outcome: this.#outcome,
      durationMs: this.#context.environment.now() - this.#startedAt,
    })
  }
}

function signalOf(request: HttpRequest): AbortSignal {
  return request.signal
}

function terminateCall(call: ModernCall, reason: TerminationReason): void {
  call.terminated(reason)
}

function cancelCall(call: ModernCall): void {
  call.cancelled()
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
