/**
 * How a stdio server answers each message, in both eras on one process (SPEC §5.3, §6). A request
 * whose `_meta` names a protocol version is modern: served statelessly from its own `_meta`.
 * Anything else is legacy: `initialize` starts the process state, later requests are served under
 * the negotiated revision, and server→client requests go through the engine.
 */
import { isModernRevision, LATEST_LEGACY_REVISION, LATEST_REVISION } from '../core/eras/versions.ts'
import { ProtocolError } from '../core/errors/protocol-error.ts'
import {
  CANCELLED_METHOD,
  type JsonRpcNotification,
  type JsonRpcParams,
} from '../core/protocol/messages.ts'
import type { RequestContext } from '../core/protocol/request-context.ts'
import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  PROTOCOL_VERSION_META_KEY,
} from '../core/schemas/meta-keys.ts'
import type { NotificationScope, RequestChannel, RequestScope } from '../server/dispatch/scope.ts'
import { isObject, type RequestMeta, readRequestMeta } from '../server/modern/meta.ts'
import type { ServerRegistry } from '../server/registry/server-registry.ts'
import { serveListen } from './stdio-server-listen.ts'
import { type LegacyState, processSession, type StdioState } from './stdio-server-state.ts'

/**
 * What `serveStdio` needs of a server: a `ServerRegistry`, or an `McpServer` (which extends it).
 */
export type StdioServable = Pick<
  ServerRegistry,
  | 'initialize'
  | 'dispatch'
  | 'dispatchNotification'
  | 'hasMethod'
  | 'attachNotifier'
  | 'listenFilter'
  | 'supportedVersions'
>

/** What the request handlers share. @internal */
export interface StdioContext {
  readonly server: StdioServable
  readonly state: StdioState
  /** Legacy server→client requests time out after this long unless the handler says otherwise. */
  readonly requestTimeoutMs: number
  /** Aborted when the server stops; the signal client notifications are handled under. */
  readonly signal: AbortSignal
}

/**
 * Answers one request. Initialize is answered synchronously, so that no notification can be written
 * between the process state starting and its `InitializeResult`.
 *
 * @internal
 */
export function serveRequest(context: StdioContext, request: RequestContext): unknown {
  if (hasModernMeta(request.params)) return serveModern(context, request)
  if (request.method === 'initialize') return initialize(context, request)
  const legacy = context.state.legacy
  if (legacy === undefined) {
    // Only pings may come before initialize (SPEC §7.1).
    if (request.method === 'ping') return {}
    throw ProtocolError.invalidRequest(
      'Invalid Request: send initialize first, or name the protocol version in ' +
        `_meta["${PROTOCOL_VERSION_META_KEY}"] (stateless revisions)`,
    )
  }
  return context.server.dispatch(
    request.method,
    request.params,
    legacyScope(legacy, context, request),
  )
}

/**
 * Hands a client notification to the server (`notifications/cancelled` was handled by the engine).
 *
 * @internal
 */
export function serveNotification(context: StdioContext, notification: JsonRpcNotification): void {
  if (notification.method === CANCELLED_METHOD) return
  const scope = notificationScope(context, notification.params)
  context.server.dispatchNotification(notification.method, notification.params, scope)
}

/** Whether `params._meta` names a protocol version: the mark of a modern request (SPEC §5.3). */
function hasModernMeta(params: JsonRpcParams | undefined): boolean {
  const meta = params?._meta
  return isObject(meta) && Object.hasOwn(meta, PROTOCOL_VERSION_META_KEY)
}

function serveModern(context: StdioContext, request: RequestContext): unknown {
  const meta = readMeta(context, request.params)
  if (request.method === 'subscriptions/listen') return serveListen(context, { request, meta })
  const scope: RequestScope = {
    era: 'modern',
    revision: meta.protocolVersion,
    requestId: request.requestId,
    get signal() {
      return request.signal
    },
    clientCapabilities: meta.clientCapabilities,
    clientInfo: meta.clientInfo,
    session: undefined,
    // No `request`: the modern era never sends server→client requests (MRTR replaces them).
    channel: { notify: (method, params) => request.notify(method, params) },
  }
  return context.server.dispatch(request.method, request.params, scope)
}

/** Checks a modern request's `_meta`: `-32602` for missing fields, `-32022` for a version not spoken. */
function readMeta(context: StdioContext, params: JsonRpcParams | undefined): RequestMeta {
  const fields = params?._meta
  const version = isObject(fields) ? fields[PROTOCOL_VERSION_META_KEY] : undefined
  // stdio has no header layer: the version in `_meta` is all there is, so it stands in for the
  // MCP-Protocol-Version header the shared reader compares it with.
  return readRequestMeta(params, {
    header: typeof version === 'string' ? version : null,
    supported: context.server.supportedVersions.filter(isModernRevision),
  })
}

function initialize(context: StdioContext, request: RequestContext): unknown {
  if (context.state.legacy !== undefined) {
    throw ProtocolError.invalidRequest(
      'Invalid Request: this server process is already initialized',
    )
  }
  const { result, revision } = context.server.initialize(request.params)
  const params = request.params ?? {}
  context.state.startLegacy({
    revision,
    clientCapabilities: isObject(params.capabilities) ? params.capabilities : {},
    clientInfo: isObject(params.clientInfo) ? params.clientInfo : undefined,
    session: processSession(),
  })
  return result
}

function legacyScope(
  legacy: LegacyState,
  context: StdioContext,
  request: RequestContext,
): RequestScope {
  return {
    era: 'legacy',
    revision: legacy.revision,
    requestId: request.requestId,
    get signal() {
      return request.signal
    },
    clientCapabilities: legacy.clientCapabilities,
    clientInfo: legacy.clientInfo,
    session: legacy.session,
    channel: legacyChannel(context, request),
  }
}

/** Notifications and server→client requests related to a legacy request, through the engine. */
function legacyChannel(context: StdioContext, request: RequestContext): RequestChannel {
  return {
    notify: (method, params) => request.notify(method, params),
    request: (method, params, options) =>
      request.request(method, params, {
        // Without a signal of its own, the engine ties it to the request being served.
        ...(options?.signal === undefined ? {} : { signal: options.signal }),
        timeoutMs: options?.timeoutMs ?? context.requestTimeoutMs,
      }),
  }
}

function notificationScope(
  context: StdioContext,
  params: JsonRpcParams | undefined,
): NotificationScope {
  const { signal } = context
  if (hasModernMeta(params)) {
    const meta = params?._meta as Readonly<Record<string, unknown>>
    const version = meta[PROTOCOL_VERSION_META_KEY]
    const capabilities = meta[CLIENT_CAPABILITIES_META_KEY]
    const info = meta[CLIENT_INFO_META_KEY]
    return {
      era: 'modern',
      revision: isModernRevision(version) ? version : LATEST_REVISION,
      signal,
      clientCapabilities: isObject(capabilities) ? capabilities : {},
      clientInfo: isObject(info) ? info : undefined,
      session: undefined,
    }
  }
  const legacy = context.state.legacy
  return {
    era: 'legacy',
    revision: legacy?.revision ?? LATEST_LEGACY_REVISION,
    signal,
    clientCapabilities: legacy?.clientCapabilities ?? {},
    clientInfo: legacy?.clientInfo,
    session: legacy?.session,
  }
}
