/**
 * Connecting over an open `Connection` (stdio, in-memory, …), SPEC §5.2: probe with
 * `server/discover`; a result or a modern error means modern, anything else (another error, a
 * timeout) means legacy and the `initialize` handshake. Never keyed on one error code.
 *
 * @internal
 */
import type { Connection } from '../core/connection.ts'
import { classifyProbeResponse, type ProbeClassification } from '../core/eras/detect.ts'
import { pickProtocolVersion } from '../core/eras/negotiate.ts'
import {
  isLegacyRevision,
  isModernRevision,
  LATEST_LEGACY_REVISION,
  LATEST_REVISION,
  MODERN_REVISIONS,
  type ModernRevision,
} from '../core/eras/versions.ts'
import { isAbortError, isProtocolError } from '../core/errors/guards.ts'
import type { ConnectContext, Connected } from './connect-context.ts'
import { handshakeTiming } from './connect-context.ts'
import { EngineWire } from './engine-wire.ts'
import { declaredCapabilities } from './input-dispatch.ts'
import { initialize } from './legacy/initialize.ts'
import type { DiscoverResult } from './result-types.ts'
import { validateResult } from './validate-result.ts'

/** Negotiates over `connection` and returns the wire. Closes the connection when it fails. */
export async function connectConnection(
  context: ConnectContext,
  connection: Connection,
): Promise<Connected> {
  const { options } = context
  const wire = new EngineWire({
    connection,
    transport: 'connection',
    environment: options.environment,
    capabilities: declaredCapabilities(options.handlers, 'modern', options.capabilities),
    clientInfo: options.clientInfo,
    onRequest: context.onRequest,
    onNotification: context.onNotification,
    onRetry: context.onRetry,
  })
  try {
    return await negotiate(context, wire)
  } catch (error) {
    await wire.close()
    throw error
  }
}

async function negotiate(context: ConnectContext, wire: EngineWire): Promise<Connected> {
  const pinned = context.options.config.protocolVersion
  if (isModernRevision(pinned)) {
    wire.useModern({ current: pinned, pinned: true })
    return { wire, source: 'pinned' }
  }
  if (pinned === undefined) {
    const probed = await probe(context, wire)
    if (probed !== undefined) {
      wire.useModern({ current: probed.version, pinned: false })
      return { wire, source: 'discover', discover: probed.discover }
    }
  }
  const { options } = context
  const done = await initialize(wire, {
    offer: isLegacyRevision(pinned) ? pinned : LATEST_LEGACY_REVISION,
    pinned: pinned !== undefined,
    capabilities: declaredCapabilities(options.handlers, 'legacy', options.capabilities),
    clientInfo: options.clientInfo,
    timing: handshakeTiming(context),
  })
  wire.useLegacy(done.rules)
  context.emit({
    type: 'session:opened',
    sessionId: undefined,
    protocolVersion: done.result.protocolVersion,
  })
  return { wire, source: pinned === undefined ? 'initialize' : 'pinned', initialize: done.result }
}

/** The modern version to use, or `undefined` for a legacy server. */
async function probe(
  context: ConnectContext,
  wire: EngineWire,
): Promise<{ version: ModernRevision; discover?: DiscoverResult } | undefined> {
  const { options } = context
  const timing = handshakeTiming(context)
  const params = {
    _meta: {
      'io.modelcontextprotocol/protocolVersion': LATEST_REVISION,
      'io.modelcontextprotocol/clientCapabilities': declaredCapabilities(
        options.handlers,
        'modern',
        options.capabilities,
      ),
      'io.modelcontextprotocol/clientInfo': options.clientInfo,
    },
  }
  let classification: ProbeClassification
  let result: unknown
  try {
    result = await wire.request('server/discover', params, timing)
    classification = classifyProbeResponse({ body: { result } })
  } catch (error) {
    if (isAbortError(error)) throw error
    // A legacy server answers an unknown method (or nothing at all) before `initialize`.
    if (!isProtocolError(error)) return undefined
    classification = classifyProbeResponse({ body: { error: error.toJsonRpc() } })
  }
  if (classification.era === 'legacy') return undefined
  const offered = classification.supportedVersions
  const version =
    offered === undefined
      ? LATEST_REVISION
      : (pickProtocolVersion({ offered, supported: MODERN_REVISIONS }) as
          | ModernRevision
          | undefined)
  if (version === undefined) return undefined
  if (classification.reason !== 'discover-result') return { version }
  return { version, discover: validateResult(version, 'server/discover', result) as DiscoverResult }
}
