/**
 * What connecting needs from the client, and what it produces: a negotiated {@link Wire} plus what
 * the server said about itself.
 *
 * @internal
 */
import type { JsonRpcNotification } from '../core/protocol/messages.ts'
import type { RequestHandler } from '../core/protocol/request-context.ts'
import { SERVER_INFO_META_KEY } from '../core/schemas/meta-keys.ts'
import type { ClientEvent, NegotiationSource, RetryReason } from './client-events.ts'
import type { HttpTransportSettings, ResolvedClientOptions } from './client-options.ts'
import { type EraOutcome, endpointKey } from './era-cache.ts'
import { declaredCapabilities } from './input-dispatch.ts'
import type { ClientIdentity } from './modern/request-meta.ts'
import type {
  DiscoverResult,
  Implementation,
  InitializeResult,
  ServerCapabilities,
} from './result-types.ts'
import type { Wire, WireRequestOptions } from './wire.ts'

/** The client's side of connecting. */
export interface ConnectContext {
  readonly options: ResolvedClientOptions
  readonly emit: (event: ClientEvent) => void
  /** Answers server→client requests (legacy era). */
  readonly onRequest: RequestHandler
  /** Every server notification outside a listen stream. */
  readonly onNotification: (notification: JsonRpcNotification) => void
  readonly onDropped: (reason: string, message: unknown) => void
  readonly onRetry: (method: string, reason: RetryReason) => void
  /** Cancels connecting. */
  readonly signal?: AbortSignal | undefined
  /** Aborted when the client closes: the lifetime of long-lived connections. */
  readonly closing: AbortSignal
}

/** A negotiated connection. */
export interface Connected {
  readonly wire: Wire
  readonly source: NegotiationSource
  /** Legacy: the `initialize` result. */
  readonly initialize?: InitializeResult | undefined
  /** Modern: the `server/discover` result, when the server was probed. */
  readonly discover?: DiscoverResult | undefined
}

/** What the server said about itself, from `initialize` or `server/discover`. */
export interface ServerFacts {
  readonly serverInfo: Implementation | undefined
  readonly capabilities: ServerCapabilities | undefined
  readonly instructions: string | undefined
}

/** What every modern request declares in its `_meta`. */
export function modernIdentity(context: ConnectContext): ClientIdentity {
  const { options } = context
  return { capabilities: declaredCapabilities(options, 'modern'), clientInfo: options.clientInfo }
}

/** The transport settings for `url`. */
export function transportSettings(context: ConnectContext, url: URL): HttpTransportSettings {
  const { options } = context
  return {
    url,
    fetch: options.fetch,
    headers: options.headers,
    environment: options.environment,
    reconnect: options.config.reconnect,
    requestTimeoutMs: options.config.requestTimeoutMs,
    onEvent: (event) => context.emit({ type: 'transport', event }),
    signal: context.closing,
  }
}

/** Remembers how the HTTP endpoint was reached, unless the app pinned the version. */
export function rememberOutcome(
  context: ConnectContext,
  source: NegotiationSource,
  outcome: EraOutcome,
): void {
  const { target, eraCache } = context.options
  if (source !== 'pinned' && target.kind === 'http') eraCache?.set(endpointKey(target.url), outcome)
}

/** The request settings of handshakes and probes, from the client's configuration. */
export function handshakeTiming(context: ConnectContext): WireRequestOptions {
  const { config } = context.options
  return {
    signal: context.signal,
    timeoutMs: config.requestTimeoutMs,
    maxTotalTimeoutMs: config.maxTotalTimeoutMs,
    resetTimeoutOnProgress: false,
  }
}

/** Reads what the server said about itself from a negotiation (one of the two answers). */
export function serverFacts({ initialize, discover }: Connected): ServerFacts {
  const answer = initialize ?? discover
  // Modern servers name themselves in the discover result's `_meta`.
  const meta = discover?._meta as Record<string, unknown> | undefined
  return {
    serverInfo:
      initialize?.serverInfo ?? (meta?.[SERVER_INFO_META_KEY] as Implementation | undefined),
    capabilities: answer?.capabilities,
    instructions: answer?.instructions,
  }
}
