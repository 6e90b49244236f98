/**
 * What the HTTP transport's parts share: the server definition they dispatch to, the resolved
 * settings and the live bookkeeping (requests in flight, open streams, the event fan-out).
 */
import type { ServerConfig } from '../../core/config/server-config.ts'
import type { Environment } from '../../core/environment.ts'
import type { LegacyRevision, ProtocolRevision } from '../../core/eras/versions.ts'
import type { Subscribable } from '../../core/events/subscribable.ts'
import type { NotificationScope, RequestScope } from '../dispatch/scope.ts'
import type { Fanout } from './fanout.ts'
import type { InFlight } from './in-flight.ts'
import type { OpenStreams } from './open-streams.ts'
import type { McpServerEvent } from './server-events.ts'

type Params = Readonly<Record<string, unknown>>

/**
 * The part of the server definition (`ServerRegistry`) the transport calls. `McpServer` passes
 * itself; tests may pass a small fake.
 */
export interface DispatchTarget {
  /** Negotiates a legacy `initialize`; throws a `ProtocolError` on bad params. */
  initialize(params: unknown): { readonly result: object; readonly revision: LegacyRevision }
  /** Handles one request (never `initialize`); rejects with a `ProtocolError` to answer an error. */
  dispatch(method: string, params: Params | undefined, scope: RequestScope): Promise<Params>
  /** Handles one client notification; never throws. */
  dispatchNotification(method: string, params: Params | undefined, scope: NotificationScope): void
  /** Whether `method` exists in `revision` (modern 404 decisions). */
  hasMethod(method: string, revision: ProtocolRevision): boolean
  /** A tool's input schema, for `Mcp-Param-*` checks. */
  toolInputSchema(name: string): Params | undefined
  /** The part of a `subscriptions/listen` filter this server can honour. */
  listenFilter(requested: ListenFilter): ListenFilter
}

/** The `notifications` filter of `subscriptions/listen`. */
export interface ListenFilter {
  readonly toolsListChanged?: boolean
  readonly promptsListChanged?: boolean
  readonly resourcesListChanged?: boolean
  readonly resourceSubscriptions?: readonly string[]
}

/** Shared by every request handler of one server. */
export interface ServerContext {
  readonly target: DispatchTarget
  readonly config: ServerConfig
  readonly environment: Environment
  readonly inFlight: InFlight
  readonly streams: OpenStreams
  readonly fanout: Fanout
  readonly events: Subscribable<McpServerEvent>
  /** Modern revisions served, newest first (`-32022` lists them). */
  readonly modernVersions: readonly string[]
  /** Legacy revisions served; empty when the legacy era is off. */
  readonly legacyVersions: readonly LegacyRevision[]
}

/** Reports an unexpected failure as an `error` event. */
export function reportError(context: ServerContext, phase: string, error: unknown): void {
  if (context.events.hasListeners) context.events.emit({ type: 'error', phase, error })
}
