/**
 * Connecting over HTTP (SPEC §5.1): a pinned version needs no probe; otherwise the era cache, then a
 * `server/discover` probe, then the legacy `initialize`, then the 2024-11-05 HTTP+SSE transport when
 * `initialize` is refused with 400, 404 or 405. The outcome is cached per endpoint.
 *
 * @internal
 */
import { classifyProbeResponse } from '../core/eras/detect.ts'
import { isModernRevision, type ModernRevision } from '../core/eras/versions.ts'
import { SessionError } from '../core/errors/session-error.ts'
import type { NegotiationSource } from './client-events.ts'
import {
  type ConnectContext,
  type Connected,
  rememberOutcome,
  transportSettings,
} from './connect-context.ts'
import { connectHttpSse } from './connect-http-sse.ts'
import { endpointKey } from './era-cache.ts'
import { httpErrorOf } from './http-errors.ts'
import { LegacyHttpWire } from './legacy/legacy-http-wire.ts'
import { ModernHttpWire } from './modern/modern-http-wire.ts'
import { type ProbeTarget, probeHttp } from './modern/probe-http.ts'
import type { DiscoverResult } from './result-types.ts'
import { RequestIds } from './wire.ts'

/** How to connect: straight to what was pinned or remembered, or probe first. */
type Plan =
  | {
      readonly era: 'modern'
      readonly version: ModernRevision
      readonly source: 'pinned' | 'cache'
    }
  | { readonly era: 'legacy' | 'http+sse'; readonly source: 'pinned' | 'cache' }
  | { readonly era: 'probe'; readonly source?: undefined }

/** One endpoint's transport, and the request ids it shares with the probe. */
interface HttpTarget extends ProbeTarget {
  readonly url: URL
}

/** Connects to `url` with Streamable HTTP, falling back as SPEC §5.1 says. */
export async function connectHttp(context: ConnectContext, url: URL): Promise<Connected> {
  const plan = planFor(context, url)
  try {
    return await connectPlanned(context, url, plan)
  } catch (error) {
    // A remembered outcome that no longer works is forgotten, so the next attempt probes again.
    if (plan.source === 'cache') context.options.eraCache?.delete(endpointKey(url))
    throw error
  }
}

async function connectPlanned(context: ConnectContext, url: URL, plan: Plan): Promise<Connected> {
  if (plan.era === 'http+sse') return connectHttpSse(context, url, plan.source)
  const transport = context.options.createHttpTransport(transportSettings(context, url))
  const target: HttpTarget = { transport, ids: new RequestIds(), url }
  try {
    if (plan.era === 'modern') return modern(context, target, plan)
    if (plan.era === 'legacy') return await legacyOrSse(context, target, plan.source)
    const probed = await probeHttp(context, target)
    if (probed.era === 'modern') return modern(context, target, { ...probed, source: 'discover' })
    context.emit({ type: 'negotiation:fallback', from: 'modern', to: 'legacy' })
    return await legacyOrSse(context, target, 'initialize')
  } catch (error) {
    await transport.close().catch(() => {})
    throw error
  }
}

function planFor(context: ConnectContext, url: URL): Plan {
  const pinned = context.options.config.protocolVersion
  if (isModernRevision(pinned)) return { era: 'modern', version: pinned, source: 'pinned' }
  // Any other pinned revision is a legacy one (the configuration accepts no others).
  if (pinned !== undefined) {
    return { era: pinned === '2024-11-05' ? 'http+sse' : 'legacy', source: 'pinned' }
  }
  const cached = context.options.eraCache?.get(endpointKey(url))
  if (cached?.era === 'modern' && isModernRevision(cached.protocolVersion)) {
    return { era: 'modern', version: cached.protocolVersion, source: 'cache' }
  }
  if (cached?.era === 'legacy') {
    return { era: cached.transport === 'http+sse' ? 'http+sse' : 'legacy', source: 'cache' }
  }
  return { era: 'probe' }
}

function modern(
  context: ConnectContext,
  target: HttpTarget,
  found: {
    readonly version: ModernRevision
    readonly source: NegotiationSource
    readonly discover?: DiscoverResult | undefined
  },
): Connected {
  const { version, source } = found
  const wire = new ModernHttpWire(context, {
    ...target,
    version: { current: version, pinned: source === 'pinned' },
  })
  rememberOutcome(context, source, { era: 'modern', protocolVersion: version })
  return { wire, source, discover: found.discover }
}

async function legacyOrSse(
  context: ConnectContext,
  target: HttpTarget,
  source: NegotiationSource,
): Promise<Connected> {
  let wire: LegacyHttpWire
  try {
    wire = await LegacyHttpWire.open(context, target.transport)
  } catch (error) {
    if (!refusedHandshake(error)) throw error
    await target.transport.close().catch(() => {})
    context.emit({ type: 'negotiation:fallback', from: 'streamable-http', to: 'http+sse' })
    return connectHttpSse(context, target.url, source)
  }
  rememberOutcome(context, source, { era: 'legacy', transport: 'streamable-http' })
  return { wire, source, initialize: wire.initializeResult }
}

/**
 * `initialize` answered 400, 404 or 405 without a modern error body: not Streamable HTTP. A
 * `SessionError` means `initialize` succeeded and the session failed after it (its id hidden from
 * a page on another origin): falling back would only hide that.
 */
function refusedHandshake(error: unknown): boolean {
  if (error instanceof SessionError) return false
  const http = httpErrorOf(error) ?? httpErrorOf((error as { cause?: unknown } | null)?.cause)
  if (http === undefined || ![400, 404, 405].includes(http.status)) return false
  return classifyProbeResponse({ status: http.status, body: http.body }).era === 'legacy'
}
