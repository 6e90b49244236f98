/**
 * What connecting needs from the client, and what it produces: a negotiated {@link Wire} plus what
 * the server said about itself.
 *
 * @internal
 */
import type { JsonRpcNotification } from '../core/protocol/messages.ts'
import type { RequestHandler } from '../core/protocol/request-context.ts'
import type { ClientEvent, NegotiationSource, RetryReason } from './client-events.ts'
import type { ResolvedClientOptions } from './client-options.ts'
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

/** Reads what the server said about itself from a negotiation. */
export function serverFacts(connected: Connected): ServerFacts {
  const init = connected.initialize
  if (init !== undefined) {
    return {
      serverInfo: init.serverInfo,
      capabilities: init.capabilities,
      instructions: init.instructions,
    }
  }
  const discover = connected.discover
  const meta = discover?._meta as Record<string, unknown> | undefined
  const info = meta?.['io.modelcontextprotocol/serverInfo'] as Implementation | undefined
  return {
    serverInfo: info,
    capabilities: discover?.capabilities,
    instructions: discover?.instructions,
  }
}
