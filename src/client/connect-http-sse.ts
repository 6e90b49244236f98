/**
 * Connecting with the 2024-11-05 HTTP+SSE transport (deprecated, still deployed): open the SSE
 * stream, then run the legacy handshake over the connection it gives.
 *
 * @internal
 */
import type { NegotiationSource } from './client-events.ts'
import {
  type ConnectContext,
  type Connected,
  rememberOutcome,
  transportSettings,
} from './connect-context.ts'
import { EngineWire } from './engine-wire.ts'
import { initializeEngine } from './legacy/initialize.ts'

/** Connects to `url` over HTTP+SSE and initializes. */
export async function connectHttpSse(
  context: ConnectContext,
  url: URL,
  source: NegotiationSource,
): Promise<Connected> {
  const connection = await context.options.connectHttpSse(transportSettings(context, url))
  const wire = new EngineWire(context, connection, 'http+sse')
  try {
    const initialize = await initializeEngine(context, wire)
    rememberOutcome(context, source, { era: 'legacy', transport: 'http+sse' })
    return { wire, source, initialize }
  } catch (error) {
    await wire.close()
    throw error
  }
}
