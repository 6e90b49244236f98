/**
 * What the HTTP transport's parts share: the server definition they dispatch to, the resolved
 * settings and the live bookkeeping (requests in flight, open streams, the event fan-out).
 */
import type { ServerConfig } from '../../core/config/server-config.ts'
import type { Environment } from '../../core/environment.ts'
import type { LegacyRevision, ProtocolRevision } from '../../core/eras/versions.ts'
import type { Subscribable } from '../../core/events/subscribable.ts'
import { isPromiseLike, type MaybePromise } from '../../core/maybe-promise.ts'
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
  /** `dispatch` that answers synchronously when it can, and throws instead of rejecting. */
  dispatchNow?(
    method: string,
    params: Params | undefined,
    scope: RequestScope,
  ): MaybePromise<Params>
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

/** Who hears how a dispatch ended. */
export interface DispatchListener {
  resolved(result: Params): void
  rejected(error: unknown): void
}

/**
 * Dispatches a request and tells `listener` how it ended: synchronously when the handler answers
 * at once (no promise, no microtask), else when its promise settles.
 */
export function dispatchTo(
  target: DispatchTarget,
  request: { method: string; params: Params | undefined; scope: RequestScope },
  listener: DispatchListener,
): void {
  const { method, params, scope } = request
  if (target.dispatchNow === undefined) {
    target.dispatch(method, params, scope).then(
      (result) => listener.resolved(result),
      (error: unknown) => listener.rejected(error),
    )
    return
  }
  let result: MaybePromise<Params>
  try {
    result = target.dispatchNow(method, params, scope)
  } catch (error) {
    listener.rejected(error)
    return
  }
  if (!isPromiseLike(result)) listener.resolved(result)
  else
    result.then(resolveListener.bind(undefined, listener), rejectListener.bind(undefined, listener))
}

function resolveListener(listener: DispatchListener, result: Params): void {
  listener.resolved(result)
}

function rejectListener(listener: DispatchListener, error: unknown): void {
  listener.rejected(error)
}

/** Reports an unexpected failure as an `error` event. */
export function reportError(context: ServerContext, phase: string, error: unknown): void {
  if (context.events.hasListeners) context.events.emit({ type: 'error', phase, error })
}
