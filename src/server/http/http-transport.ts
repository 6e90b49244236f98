/**
 * The fetch handler behind `McpServer.handle()`: one function from `Request` to `Response` serving
 * both eras on one endpoint (SPEC §5.3). It checks `Host`/`Origin`, takes a `maxClients` slot,
 * routes by path and method, gates POST bodies, tells the eras apart and hands over to the modern,
 * legacy or 2024-11-05 handlers.
 */
import type { ServerConfig } from '../../core/config/server-config.ts'
import type { Environment } from '../../core/environment.ts'
import { detectRequestEra } from '../../core/eras/detect.ts'
import { unsupportedVersionError } from '../../core/eras/negotiate.ts'
import type { LegacyRevision } from '../../core/eras/versions.ts'
import { isModernRevision } from '../../core/eras/versions.ts'
import { JsonRpcErrorCode } from '../../core/errors/codes.ts'
import { Subscribable } from '../../core/events/subscribable.ts'
import { isPromiseLike, type MaybePromise } from '../../core/maybe-promise.ts'
import type { EventTracker } from '../../sessions/event-tracker.ts'
import type { SessionManager } from '../../sessions/session-manager.ts'
import {
  acceptsEventStream,
  handleLegacyDelete,
  handleLegacyGet,
  notAcceptable,
} from '../legacy/get-stream.ts'
import { HttpSseTransport } from '../legacy/http-sse.ts'
import type { LegacyContext } from '../legacy/legacy-context.ts'
import { LiveSessions } from '../legacy/live-sessions.ts'
import { handleLegacyPost } from '../legacy/streamable-post.ts'
import type { NotificationBus } from '../modern/bus.ts'
import { handleModernPost } from '../modern/stateless.ts'
import { Capacity } from './capacity.ts'
import type { DispatchTarget } from './context.ts'
import { CorsPolicy } from './cors.ts'
import { Fanout } from './fanout.ts'
import { HostOriginPolicy } from './host-origin.ts'
import type { ResolvedPaths } from './http-options.ts'
import { InFlight } from './in-flight.ts'
import { KeepAlive } from './keep-alive.ts'
import { OpenStreams } from './open-streams.ts'
import { type GateResult, openPost } from './post-gate.ts'
import type { HeldSlot, PostInput } from './post-input.ts'
import {
  type Answer,
  emptyResponse,
  type HttpRequest,
  jsonRpcErrorResponse,
  unreadableId,
} from './responses.ts'
import type { McpServerEvent, RejectionReason } from './server-events.ts'
import { shutdown } from './shutdown.ts'

/** What {@link HttpTransport} is built from (already validated). */
export interface HttpTransportInit {
  readonly target: DispatchTarget
  readonly config: ServerConfig
  readonly environment: Environment
  readonly sessions: SessionManager
  /** Undefined when replay is off (`eventStore: false`). */
  readonly tracker: EventTracker | undefined
  readonly bus: NotificationBus
  readonly paths: ResolvedPaths
  readonly modernVersions: readonly string[]
  readonly legacyVersions: readonly LegacyRevision[]
  /** Resources `close()` releases because the server created them. */
  readonly owned: readonly { close?(): unknown }[]
}

/** Counters of what the server holds right now. */
export interface HttpServerStats {
  /** Requests being handled. */
  readonly inFlight: number
  /** Open SSE connections (replies, listen and GET streams, 2024-11-05 connections). */
  readonly openStreams: number
  /** `maxClients` slots in use. */
  readonly slotsInUse: number
  /** Legacy sessions with something going on (requests, streams, server→client requests). */
  readonly liveSessions: number
  /** Legacy sessions held in memory by the session manager. */
  readonly sessions: number
}

const ALLOW = { allow: 'GET, POST, DELETE' }

type Route = 'mcp' | 'sse' | 'messages'

/** The methods each route answers, for CORS preflights. */
const ROUTE_METHODS: Readonly<Record<Route, string>> = {
  mcp: ALLOW.allow,
  sse: 'GET',
  messages: 'POST',
}

let instances = 0

/** The HTTP transport of one server. */
export class HttpTransport {
  readonly events = new Subscribable<McpServerEvent>()
  readonly #context: LegacyContext
  readonly #init: HttpTransportInit
  readonly #policy: HostOriginPolicy
  readonly #cors: CorsPolicy | undefined
  readonly #capacity: Capacity
  readonly #keepAlive: KeepAlive
  readonly #httpSse: HttpSseTransport
  readonly #stopSessionEvents: () => void
  #closing: Promise<void> | undefined = undefined

  constructor(init: HttpTransportInit) {
    this.#init = init
    const { config, environment } = init
    this.#policy = new HostOriginPolicy(config)
    this.#cors = config.cors
      ? new CorsPolicy({ maxAgeMs: config.corsMaxAgeMs, credentials: config.corsCredentials })
      : undefined
    this.#capacity = new Capacity(config.maxClients)
    this.#keepAlive = new KeepAlive({ environment, intervalMs: config.keepAliveIntervalMs })
    this.#httpSse = new HttpSseTransport(init.paths.legacyMessagesPath)
    const streams = new OpenStreams({ keepAlive: this.#keepAlive, events: this.events })
    // Stream ids are unique per session across instances sharing an event store.
    const tag = `${(instances++).toString(36)}${globalThis.crypto.randomUUID().slice(0, 6)}`
    let streamCount = 0
    this.#context = {
      target: init.target,
      config,
      environment,
      inFlight: new InFlight({ environment, timeoutMs: config.requestTimeoutMs }),
      streams,
      fanout: new Fanout(init.bus),
      events: this.events,
      modernVersions: init.modernVersions,
      legacyVersions: init.legacyVersions,
      sessions: init.sessions,
      tracker: init.tracker,
      live: new LiveSessions(environment),
      nextStreamId: () => `p${tag}${(streamCount++).toString(36)}`,
    }
    this.#stopSessionEvents = this.#watchSessions()
  }

  /** What the server holds right now. */
  get stats(): HttpServerStats {
    return {
      inFlight: this.#context.inFlight.size,
      openStreams: this.#context.streams.size,
      slotsInUse: this.#capacity.used,
      liveSessions: this.#context.live.size,
      sessions: this.#init.sessions.size,
    }
  }

  /** Answers one HTTP request. Never rejects. */
  handle(request: HttpRequest): Promise<Answer> {
    const origin = request.headers.get('origin')
    const refused = this.#policy.check(request, origin)
    if (refused !== undefined) return Promise.resolve(this.#forbidden(refused))
    const path = pathOf(request.url)
    const route = this.#route(path)
    if (route === undefined) return Promise.resolve(emptyResponse(404))
    const cors = this.#cors
    if (origin === null || cors === undefined) return this.#handleRoute(request, route)
    if (cors.isPreflight(request.method, request.headers)) {
      return Promise.resolve(cors.preflight(request.headers, ROUTE_METHODS[route]))
    }
    return this.#handleRoute(request, route).then((answer) => cors.decorate(answer, origin))
  }

  #handleRoute(request: HttpRequest, route: Route): Promise<Answer> {
    if (this.#closing !== undefined) return Promise.resolve(this.#unavailable(request, 'closing'))
    const slot = this.#capacity.tryAcquire()
    if (slot === undefined) return Promise.resolve(this.#unavailable(request, 'overloaded'))
    let answer: MaybePromise<Answer>
    try {
      answer = this.#serve(request, { route, slot })
    } catch (error) {
      return Promise.resolve(this.#failed(request, { slot, error }))
    }
    if (!isPromiseLike(answer)) {
      if (!slot.kept) slot.release()
      return Promise.resolve(answer)
    }
    // Bound functions, not closures: nothing that outlives this call holds the request.
    return answer.then(
      answered.bind(undefined, slot),
      this.#failedBound.bind(undefined, { request, slot }),
    )
  }

  readonly #failedBound = (
    failure: { request: HttpRequest; slot: HeldSlot },
    error: unknown,
  ): Answer => this.#failed(failure.request, { slot: failure.slot, error })

  // Nothing will stream after a failure: whoever kept the slot is not going to release it.
  #failed(request: HttpRequest, failure: { slot: HeldSlot; error: unknown }): Answer {
    failure.slot.release()
    if (this.events.hasListeners) {
      this.events.emit({ type: 'error', phase: 'handle', error: failure.error })
    }
    return jsonRpcErrorResponse({
      status: 500,
      id: unreadableId(request.headers.get('mcp-protocol-version')),
      error: { code: JsonRpcErrorCode.InternalError, message: 'Internal error' },
    })
  }

  /** Stops new work, ends streams, lets requests finish until the deadline, releases everything. */
  close(options: { deadlineMs?: number } = {}): Promise<void> {
    this.#closing ??= shutdown({
      context: this.#context,
      deadlineMs: options.deadlineMs ?? this.#init.config.shutdownTimeoutMs,
      release: () => {
        this.#keepAlive.close()
        this.#stopSessionEvents()
      },
      owned: this.#init.owned,
    })
    return this.#closing
  }

  #route(path: string): Route | undefined {
    const { endpoint, legacySsePath, legacyMessagesPath } = this.#init.paths
    if (this.#init.config.legacySse) {
      if (path === legacySsePath) return 'sse'
      if (path === legacyMessagesPath) return 'messages'
    }
    if (endpoint === null || path === endpoint) return 'mcp'
    // `/mcp/` is the same endpoint; compared without building a string per request.
    const slashed = path.length === (endpoint?.length ?? 0) + 1 && path.endsWith('/')
    return slashed && path.startsWith(endpoint) ? 'mcp' : undefined
  }

  #serve(
    request: HttpRequest,
    target: { route: string; slot: HeldSlot },
  ): Promise<Answer> | Answer {
    const { route, slot } = target
    const method = request.method
    if (route === 'sse') {
      if (method !== 'GET') return emptyResponse(405, { allow: 'GET' })
      if (!acceptsEventStream(request)) return notAcceptable()
      return this.#httpSse.open(this.#context, { slot })
    }
    if (route === 'messages') {
      if (method !== 'POST') return emptyResponse(405, { allow: 'POST' })
      return this.#postMessages(request)
    }
    if (method === 'POST') return this.#post(request, slot)
    if (method !== 'GET' && method !== 'DELETE') return emptyResponse(405, ALLOW)
    const header = request.headers.get('mcp-protocol-version')
    if (!this.#legacyOn || isModernRevision(header)) return emptyResponse(405, ALLOW)
    if (method === 'DELETE') return handleLegacyDelete(this.#context, request)
    if (this.#init.config.legacySse && request.headers.get('mcp-session-id') === null) {
      if (!acceptsEventStream(request)) return notAcceptable()
      return this.#httpSse.open(this.#context, { slot })
    }
    return handleLegacyGet(this.#context, { request, slot })
  }

  get #legacyOn(): boolean {
    return this.#init.legacyVersions.length > 0
  }

  #post(request: HttpRequest, slot: HeldSlot): MaybePromise<Answer> {
    const gate = openPost(request, this.#init.config.maxBodyBytes)
    if (isPromiseLike(gate))
      return gate.then((opened) => this.#posted(request, { slot, gate: opened }))
    return this.#posted(request, { slot, gate })
  }

  #posted(
    request: HttpRequest,
    opened: { slot: HeldSlot; gate: GateResult },
  ): MaybePromise<Answer> {
    const { slot, gate } = opened
    if ('response' in gate) {
      if (gate.reason !== 'parse') this.#rejected(gate.response.status, gate.reason)
      return gate.response
    }
    const input: PostInput = { request, body: gate.body, slot }
    const era = detectRequestEra({
      httpMethod: 'POST',
      protocolVersionHeader: request.headers.get('mcp-protocol-version'),
      body: gate.body,
    })
    if (era.era === 'modern') return handleModernPost(this.#context, input)
    if (!this.#legacyOn)
      return modernOnly(gate.body, era.protocolVersion, this.#init.modernVersions)
    return handleLegacyPost(this.#context, input)
  }

  async #postMessages(request: HttpRequest): Promise<Answer> {
    const gate = await openPost(request, this.#init.config.maxBodyBytes)
    if ('response' in gate) return gate.response
    const sessionId = new URL(request.url).searchParams.get('sessionId')
    return this.#httpSse.post(this.#context, { body: gate.body, sessionId })
  }

  #forbidden(refused: 'host' | 'origin'): Answer {
    this.#rejected(403, refused)
    return jsonRpcErrorResponse({
      status: 403,
      id: undefined,
      error: {
        code: JsonRpcErrorCode.InvalidRequest,
        message: `Forbidden: ${refused === 'host' ? 'Host' : 'Origin'} header not allowed`,
      },
    })
  }

  #unavailable(request: HttpRequest, reason: 'closing' | 'overloaded'): Answer {
    this.#rejected(503, reason)
    const seconds = Math.ceil(this.#init.config.retryAfterMs / 1000)
    return jsonRpcErrorResponse({
      status: 503,
      id: unreadableId(request.headers.get('mcp-protocol-version')),
      error: {
        code: JsonRpcErrorCode.InternalError,
        message:
          reason === 'closing'
            ? 'Service Unavailable: the server is shutting down'
            : 'Service Unavailable: too many concurrent requests',
      },
      headers: { 'retry-after': String(seconds) },
    })
  }

  #rejected(status: number, reason: RejectionReason): void {
    if (this.events.hasListeners) this.events.emit({ type: 'http:rejected', status, reason })
  }

  #watchSessions(): () => void {
    return this.#init.sessions.events.subscribe((event) => {
      if (event.type === 'opened' && this.events.hasListeners) {
        this.events.emit({
          type: 'session:opened',
          sessionId: event.sessionId,
          revision: event.revision,
        })
      }
      if (event.type !== 'closed' && event.type !== 'expired' && event.type !== 'evicted') return
      this.#context.live.end(event.sessionId, new Error(`The session was ${event.type}`))
      if (this.events.hasListeners) {
        const reason = event.type === 'closed' ? 'deleted' : event.type
        this.events.emit({ type: 'session:closed', sessionId: event.sessionId, reason })
      }
    })
  }
}

/**
 * A handshake-era message on a server that serves only the stateless revision: 400 with `-32022`
 * listing the versions it does serve (SPEC §5.3), so a dual-era client knows to go modern.
 */
function modernOnly(body: unknown, headerVersion: string, supported: readonly string[]): Answer {
  const message = (Array.isArray(body) ? undefined : body) as
    | { id?: unknown; method?: unknown; params?: { protocolVersion?: unknown } }
    | undefined
  const id = message?.id
  const offered = message?.method === 'initialize' ? message.params?.protocolVersion : undefined
  const requested = typeof offered === 'string' ? offered : headerVersion
  return jsonRpcErrorResponse({
    status: 400,
    id: typeof id === 'string' || typeof id === 'number' ? id : null,
    error: unsupportedVersionError({ requested, supported }).toJsonRpc(),
  })
}

function answered(slot: HeldSlot, answer: Answer): Answer {
  if (!slot.kept) slot.release()
  return answer
}

/** The path of a request URL, without query or fragment; cheaper than `new URL()`. */
export function pathOf(url: string): string {
  const scheme = url.indexOf('://')
  const start = url.indexOf('/', scheme === -1 ? 0 : scheme + 3)
  if (start === -1) return '/'
  let end = url.length
  const query = url.indexOf('?', start)
  if (query !== -1) end = query
  const hash = url.indexOf('#', start)
  if (hash !== -1 && hash < end) end = hash
  return url.slice(start, end)
}
