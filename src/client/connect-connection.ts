/**
 * Connecting over an open `Connection` (stdio, in-memory, …), SPEC §5.2: probe with
 * `server/discover`; a result or a modern error means modern, anything else (another error, a
 * timeout) means legacy and the `initialize` handshake. Never keyed on one error code.
 *
 * @internal
 */
import type { Connection } from '../core/connection.ts'
import { classifyProbeResponse, type ProbeClassification } from '../core/eras/detect.ts'
import { isModernRevision, LATEST_REVISION, type ModernRevision } from '../core/eras/versions.ts'
import { isAbortError, isProtocolError } from '../core/errors/guards.ts'
import {
  type ConnectContext,
  type Connected,
  handshakeTiming,
  modernIdentity,
} from './connect-context.ts'
import { EngineWire } from './engine-wire.ts'
import { initializeEngine } from './legacy/initialize.ts'
import { discoverResult } from './modern/probe-http.ts'
import { withRequestMeta } from './modern/request-meta.ts'
import { mutualVersion } from './modern/version-state.ts'
import type { DiscoverResult } from './result-types.ts'

/** Negotiates over `connection` and returns the wire. Closes the connection when it fails. */
export async function connectConnection(
  context: ConnectContext,
  connection: Connection,
): Promise<Connected> {
  const wire = new EngineWire(context, connection, 'connection')
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
  const initialize = await initializeEngine(context, wire)
  return { wire, source: pinned === undefined ? 'initialize' : 'pinned', initialize }
}

/** The modern version to use, or `undefined` for a legacy server. */
async function probe(
  context: ConnectContext,
  wire: EngineWire,
): Promise<{ version: ModernRevision; discover?: DiscoverResult | undefined } | undefined> {
  const params = withRequestMeta(undefined, modernIdentity(context), {
    protocolVersion: LATEST_REVISION,
  })
  let classification: ProbeClassification
  let result: unknown
  try {
    result = await wire.request('server/discover', params, handshakeTiming(context))
    classification = classifyProbeResponse({ body: { result } })
  } catch (error) {
    if (isAbortError(error)) throw error
    // A legacy server answers an unknown method (or nothing at all) before `initialize`.
    if (!isProtocolError(error)) return undefined
    classification = classifyProbeResponse({ body: { error: error.toJsonRpc() } })
  }
  if (classification.era === 'legacy') return undefined
  const version = mutualVersion(classification.supportedVersions, LATEST_REVISION)
  if (version === undefined) return undefined
  if (classification.reason !== 'discover-result') return { version }
  return { version, discover: discoverResult(version, result) }
}
