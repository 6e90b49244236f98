/**
 * Connecting with the 2024-11-05 HTTP+SSE transport (deprecated, still deployed): open the SSE
 * stream, then run the legacy handshake over the connection it gives.
 *
 * @internal
 */
import { isLegacyRevision, LATEST_LEGACY_REVISION } from '../core/eras/versions.ts'
import type { HttpTransportSettings } from './client-options.ts'
import type { ConnectContext, Connected } from './connect-context.ts'
import { handshakeTiming } from './connect-context.ts'
import { EngineWire } from './engine-wire.ts'
import { endpointKey } from './era-cache.ts'
import { declaredCapabilities } from './input-dispatch.ts'
import { initialize } from './legacy/initialize.ts'

/** Connects over HTTP+SSE and initializes. */
export async function connectHttpSse(
  context: ConnectContext,
  settings: HttpTransportSettings,
  source: Connected['source'],
): Promise<Connected> {
  const { options } = context
  const connection = await options.connectHttpSse(settings)
  const wire = new EngineWire({
    connection,
    transport: 'http+sse',
    environment: options.environment,
    capabilities: declaredCapabilities(options.handlers, 'legacy', options.capabilities),
    clientInfo: options.clientInfo,
    onRequest: context.onRequest,
    onNotification: context.onNotification,
    onRetry: context.onRetry,
  })
  const pinned = options.config.protocolVersion
  try {
    const done = await initialize(wire, {
      offer: isLegacyRevision(pinned) ? pinned : LATEST_LEGACY_REVISION,
      pinned: pinned !== undefined,
      capabilities: declaredCapabilities(options.handlers, 'legacy', options.capabilities),
      clientInfo: options.clientInfo,
      timing: handshakeTiming(context),
    })
    wire.useLegacy(done.rules)
    if (source !== 'pinned') {
      const key = endpointKey(settings.url)
      options.eraCache?.set(key, { era: 'legacy', transport: 'http+sse' })
    }
    context.emit({
      type: 'session:opened',
      sessionId: undefined,
      protocolVersion: done.result.protocolVersion,
    })
    return { wire, source, initialize: done.result }
  } catch (error) {
    await wire.close()
    throw error
  }
}
