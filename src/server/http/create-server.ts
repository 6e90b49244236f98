/**
 * `createServer()`: a server definition plus the HTTP transport that serves it in both eras, as one
 * web-standard fetch handler. Runs anywhere a `Request` becomes a `Response`: Node (through
 * `mcpkit/node`'s `serve`), Deno, Bun, workers.
 */

import {
  type BufferedAnswer,
  type BufferedHandler,
  type BufferedRequest,
  toWebResponse,
} from '../../core/buffered-exchange.ts'
import { resolveServerConfig, type ServerConfig } from '../../core/config/server-config.ts'
import { resolveSessionConfig } from '../../core/config/session-config.ts'
import { defaultEnvironment, type Environment } from '../../core/environment.ts'
import {
  isLegacyRevision,
  isModernRevision,
  type LegacyRevision,
} from '../../core/eras/versions.ts'
import { optionError } from '../../core/errors/config-error.ts'
import type { ReadonlySubscribable } from '../../core/events/subscribable.ts'
import { EventTracker } from '../../sessions/event-tracker.ts'
import { SessionManager } from '../../sessions/session-manager.ts'
import { InMemoryNotificationBus, type NotificationBus } from '../modern/bus.ts'
import type { ServerNotifier } from '../registry/notifier-hub.ts'
import type { ServerOptions } from '../registry/server-options.ts'
import { ServerRegistry } from '../registry/server-registry.ts'
import { type HttpServerOptions, type McpServerCloseOptions, resolvePaths } from './http-options.ts'
import { type HttpServerStats, HttpTransport } from './http-transport.ts'
import type { McpServerEvent } from './server-events.ts'

/** Options of {@link createServer}: the server definition's, plus the HTTP transport's. */
export interface McpServerOptions extends ServerOptions, HttpServerOptions {}

/** What the server creates itself, and so closes. */
interface Owned {
  readonly sessions: SessionManager
  readonly tracker: EventTracker | undefined
  readonly bus: NotificationBus
  readonly closables: { close?(): unknown }[]
}

/**
 * A server definition served over HTTP. Register tools, resources and prompts on it (it is a
 * `ServerRegistry`), then hand {@link McpServer.handle} to any runtime.
 *
 * @example
 * const server = createServer({ name: 'weather', version: '1.0.0' })
 * server.tool('forecast', { inputSchema: z.object({ city: z.string() }) }, ({ city }) => `Sunny in ${city}`)
 * Deno.serve(server.handle) // or serve(server, { port: 3000 }) from 'mcpkit/node'
 */
export class McpServer extends ServerRegistry implements BufferedHandler {
  /** The settings in force. */
  readonly config: ServerConfig
  /** The legacy-era sessions (`Mcp-Session-Id`). */
  readonly sessions: SessionManager
  readonly #transport: HttpTransport
  readonly #detachNotifier: () => void
  readonly #unwatchSignal: () => void

  /** Prefer {@link createServer}. @throws {ConfigError} naming a refused option */
  constructor(options: McpServerOptions) {
    super(options)
    this.config = resolveServerConfig(options.config)
    const paths = resolvePaths(options)
    const environment = options.environment ?? defaultEnvironment
    const owned = createOwned(options, environment)
    this.sessions = owned.sessions
    const versions = this.supportedVersions
    this.#transport = new HttpTransport({
      target: this,
      config: this.config,
      environment,
      sessions: owned.sessions,
      tracker: owned.tracker,
      bus: owned.bus,
      paths,
      modernVersions: versions.filter(isModernRevision),
      legacyVersions: this.config.legacy
        ? versions.filter(isLegacyRevision)
        : ([] as LegacyRevision[]),
      owned: owned.closables,
    })
    this.#detachNotifier = this.attachNotifier(busNotifier(owned.bus, this.#transport))
    this.#unwatchSignal = watchSignal(options.signal, () => void this.close())
  }

  /**
   * Answers one HTTP request: the whole MCP endpoint (both eras) as a fetch handler. Bound, so it
   * can be passed around on its own.
   */
  readonly handle = (request: Request): Promise<Response> =>
    this.#transport.handle(request).then(toWebResponse)

  /**
   * Answers one request whose body a runtime adapter has read already (mcpkit/node does this for
   * small bodies): the same endpoint as {@link McpServer.handle}, but answers come back as
   * `BufferedResponse`s (complete) or `StreamingResponse`s (SSE), which skip building and reading
   * web `Response`s and streams. Bound, like `handle`.
   */
  readonly handleBuffered = (request: BufferedRequest): Promise<BufferedAnswer> =>
    this.#transport.handle(request)

  /** What the server does, as typed events (requests, sessions, streams, rejections, errors). */
  get events(): ReadonlySubscribable<McpServerEvent> {
    return this.#transport.events
  }

  /** What the server holds right now: requests in flight, open streams, slots, sessions. */
  get stats(): HttpServerStats {
    return this.#transport.stats
  }

  /**
   * Stops the server: new requests get 503, listen and GET streams end, in-flight requests may
   * finish until the deadline and are then aborted; the stores and timers the server created are
   * closed. Idempotent.
   */
  async close(options: McpServerCloseOptions = {}): Promise<void> {
    this.#detachNotifier()
    this.#unwatchSignal()
    const deadlineMs = options.deadlineMs
    await this.#transport.close(deadlineMs === undefined ? {} : { deadlineMs })
  }
}

/**
 * Creates a server: a definition to register tools, resources and prompts on, with
 * {@link McpServer.handle} serving it over HTTP in both eras.
 *
 * @example
 * const server = createServer({ name: 'notes', version: '1.0.0', config: { maxClients: 200 } })
 * @throws {ConfigError} naming a refused option
 */
export function createServer(options: McpServerOptions): McpServer {
  return new McpServer(options)
}

function createOwned(options: McpServerOptions, environment: Environment): Owned {
  const closables: { close?(): unknown }[] = []
  const bus = options.bus ?? new InMemoryNotificationBus()
  if (options.bus === undefined) closables.push(bus)
  let tracker = options.eventTracker ?? options.sessionManager?.eventTracker
  const { events } = resolveSessionConfig(options.session)
  const replay = options.eventStore !== false && events.replay
  if (!replay && tracker !== undefined) {
    throw options.eventStore === false
      ? optionError('eventStore', false, 'an event store when an event tracker is given')
      : optionError('session.events.replay', false, 'true when an event tracker is given')
  }
  if (tracker === undefined && replay) {
    tracker = new EventTracker({
      store: options.eventStore,
      maxEventsPerStream: events.maxEventsPerStream,
      eventTtlMs: events.eventTtlMs,
      environment,
    })
    closables.push(tracker)
  }
  let sessions = options.sessionManager
  if (sessions === undefined) {
    sessions = new SessionManager({
      store: options.sessionStore,
      config: options.session,
      environment,
      eventTracker: tracker,
    })
    // Closed before the tracker: it may still ask the tracker to forget sessions.
    closables.unshift(sessions)
  }
  return { sessions, tracker, bus, closables }
}

function busNotifier(bus: NotificationBus, transport: HttpTransport): ServerNotifier {
  const publish = (event: Parameters<NotificationBus['publish']>[0]) => {
    try {
      const done = bus.publish(event)
      if (done !== undefined) done.catch((error: unknown) => reportBusError(transport, error))
    } catch (error) {
      reportBusError(transport, error)
    }
  }
  return {
    listChanged: (kind) => publish({ type: 'list_changed', kind }),
    resourceUpdated: (uri) => publish({ type: 'resource_updated', uri }),
    log: (message) => publish({ type: 'log', ...message }),
  }
}

function reportBusError(transport: HttpTransport, error: unknown): void {
  if (transport.events.hasListeners) transport.events.emit({ type: 'error', phase: 'bus', error })
}

function watchSignal(signal: AbortSignal | undefined, onAbort: () => void): () => void {
  if (signal === undefined) return noop
  if (signal.aborted) {
    queueMicrotask(onAbort)
    return noop
  }
  signal.addEventListener('abort', onAbort, { once: true })
  return () => signal.removeEventListener('abort', onAbort)
}

function noop(): void {}
