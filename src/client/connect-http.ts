/**
 * Connecting over HTTP (SPEC §5.1): a pinned version needs no probe; otherwise the era cache, then a
 * `server/discover` probe, then the legacy `initialize`, then the 2024-11-05 HTTP+SSE transport when
 * `initialize` is refused with 400, 404 or 405. The outcome is cached per endpoint.
 *
 * @internal
 */
import { classifyProbeResponse } from '../core/eras/detect.ts'
import {
  isLegacyRevision,
  isModernRevision,
  LATEST_LEGACY_REVISION,
  type LegacyRevision,
  type ModernRevision,
} from '../core/eras/versions.ts'
import type { HttpTransportSettings } from './client-options.ts'
import { type ConnectContext, type Connected, handshakeTiming } from './connect-context.ts'
import { connectHttpSse } from './connect-http-sse.ts'
import { endpointKey } from './era-cache.ts'
import { httpErrorOf } from './http-errors.ts'
import type { HttpTransport } from './http-transport.ts'
import { declaredCapabilities } from './input-dispatch.ts'
import { LegacyHttpWire } from './legacy/legacy-http-wire.ts'
import { ModernHttpWire } from './modern/modern-http-wire.ts'
import { type ProbeOutcome, probeHttp } from './modern/probe-http.ts'
import type { DiscoverResult } from './result-types.ts'
import { RequestIds } from './wire.ts'

type Plan =
  | {
      readonly era: 'modern'
      readonly version: ModernRevision
      readonly source: 'pinned' | 'cache'
    }
  | { readonly era: 'legacy'; readonly source: 'pinned' | 'cache' }
  | { readonly era: 'http+sse'; readonly source: 'pinned' | 'cache' }
  | { readonly era: 'probe' }

/** Connects to `url` with Streamable HTTP, falling back as SPEC §5.1 says. */
export async function connectHttp(context: ConnectContext, url: URL): Promise<Connected> {
  const plan = planFor(context, url)
  try {
    return await connectPlanned(context, url, plan)
  } catch (error) {
    // A remembered outcome that no longer works is forgotten, so the next attempt probes again.
    if (plan.era !== 'probe' && plan.source === 'cache') {
      context.options.eraCache?.delete(endpointKey(url))
    }
    throw error
  }
}

async function connectPlanned(context: ConnectContext, url: URL, plan: Plan): Promise<Connected> {
  const settings = transportSettings(context, url)
  if (plan.era === 'http+sse') return connectHttpSse(context, settings, plan.source)
  const transport = createTransport(context, settings)
  const ids = new RequestIds()
  try {
    if (plan.era === 'modern') {
      return modern(context, { transport, ids }, { ...plan, discover: undefined })
    }
    if (plan.era === 'legacy') return await legacyOrSse(context, transport, plan.source)
    const probed = await probe(context, { transport, ids })
    if (probed.era === 'modern') {
      const { protocolVersion: version, discover } = probed
      return modern(context, { transport, ids }, { version, source: 'discover', discover })
    }
    context.emit({ type: 'negotiation:fallback', from: 'modern', to: 'legacy' })
    return await legacyOrSse(context, transport, 'initialize')
  } catch (error) {
    await transport.close().catch(() => {})
    throw error
  }
}

function probe(
  context: ConnectContext,
  { transport, ids }: { transport: HttpTransport; ids: RequestIds },
): Promise<ProbeOutcome> {
  const { options } = context
  return probeHttp({
    transport,
    environment: options.environment,
    capabilities: declaredCapabilities(options.handlers, 'modern', options.capabilities),
    clientInfo: options.clientInfo,
    timing: handshakeTiming(context),
    onDropped: context.onDropped,
    ids,
  })
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
    onEvent: (event) => context.emit({ type: 'transport', event }),
    signal: context.closing,
  }
}

function planFor(context: ConnectContext, url: URL): Plan {
  const pinned = context.options.config.protocolVersion
  if (isModernRevision(pinned)) return { era: 'modern', version: pinned, source: 'pinned' }
  if (pinned === '2024-11-05') return { era: 'http+sse', source: 'pinned' }
  if (isLegacyRevision(pinned)) return { era: 'legacy', source: 'pinned' }
  const cached = context.options.eraCache?.get(endpointKey(url))
  if (cached === undefined) return { era: 'probe' }
  if (cached.era === 'modern' && isModernRevision(cached.protocolVersion)) {
    return { era: 'modern', version: cached.protocolVersion, source: 'cache' }
  }
  if (cached.era === 'legacy')
    return { era: cached.transport === 'http+sse' ? 'http+sse' : 'legacy', source: 'cache' }
  return { era: 'probe' }
}

function createTransport(context: ConnectContext, settings: HttpTransportSettings): HttpTransport {
  return context.options.createHttpTransport(settings)
}

function modern(
  context: ConnectContext,
  { transport, ids }: { transport: HttpTransport; ids: RequestIds },
  found: {
    version: ModernRevision
    source: Connected['source']
    discover: DiscoverResult | undefined
  },
): Connected {
  const { options } = context
  const wire = new ModernHttpWire({
    transport,
    version: { current: found.version, pinned: found.source === 'pinned' },
    capabilities: declaredCapabilities(options.handlers, 'modern', options.capabilities),
    clientInfo: options.clientInfo,
    environment: options.environment,
    onNotification: context.onNotification,
    onDropped: context.onDropped,
    onRetry: context.onRetry,
    ids,
  })
  if (found.source !== 'pinned' && context.options.target.kind === 'http') {
    const key = endpointKey(context.options.target.url)
    options.eraCache?.set(key, { era: 'modern', protocolVersion: found.version })
  }
  return { wire, source: found.source, discover: found.discover }
}

async function legacyOrSse(
  context: ConnectContext,
  transport: HttpTransport,
  source: Connected['source'],
): Promise<Connected> {
  const { options } = context
  const pinned = options.config.protocolVersion
  const offer: LegacyRevision = isLegacyRevision(pinned) ? pinned : LATEST_LEGACY_REVISION
  let wire: LegacyHttpWire
  try {
    wire = await LegacyHttpWire.open({
      transport,
      environment: options.environment,
      offer,
      pinned: pinned !== undefined,
      capabilities: declaredCapabilities(options.handlers, 'legacy', options.capabilities),
      clientInfo: options.clientInfo,
      timing: handshakeTiming(context),
      closing: context.closing,
      onRequest: context.onRequest,
      onNotification: context.onNotification,
      onRetry: context.onRetry,
      emit: context.emit,
    })
  } catch (error) {
    if (!refusedHandshake(error)) throw error
    await transport.close().catch(() => {})
    context.emit({ type: 'negotiation:fallback', from: 'streamable-http', to: 'http+sse' })
    const url = (options.target as { url: URL }).url
    return connectHttpSse(context, transportSettings(context, url), source)
  }
  if (source !== 'pinned' && options.target.kind === 'http') {
    const key = endpointKey(options.target.url)
    options.eraCache?.set(key, { era: 'legacy', transport: 'streamable-http' })
  }
  return { wire, source, initialize: wire.initializeResult }
}

/** `initialize` answered 400, 404 or 405 without a modern error body: not Streamable HTTP. */
function refusedHandshake(error: unknown): boolean {
  const http = httpErrorOf(error) ?? httpErrorOf((error as { cause?: unknown } | null)?.cause)
  if (http === undefined || ![400, 404, 405].includes(http.status)) return false
  return classifyProbeResponse({ status: http.status, body: http.body }).era === 'legacy'
}
