/**
 * The HTTP probe of SPEC §5.1: POST `server/discover` and read the answer. A result or a recognised
 * modern error (`-32022`, `-32021`, `-32020`, or `-32601` with 404) means a modern server; anything
 * else means legacy. The fallback never keys on one error code: `classifyProbeResponse` decides.
 *
 * @internal
 */
import { classifyProbeResponse, type ProbeClassification } from '../../core/eras/detect.ts'
import { LATEST_REVISION, type ModernRevision } from '../../core/eras/versions.ts'
import { isProtocolError, isTimeoutError } from '../../core/errors/guards.ts'
import { JSONRPC_VERSION } from '../../core/protocol/messages.ts'
import { type ConnectContext, handshakeTiming, modernIdentity } from '../connect-context.ts'
import { httpErrorOf } from '../http-errors.ts'
import type { HttpTransport } from '../http-transport.ts'
import type { DiscoverResult } from '../result-types.ts'
import { validateResult } from '../validate-result.ts'
import type { RequestIds } from '../wire.ts'
import { runExchange, StreamEndedError } from './http-exchange.ts'
import { standardHeaders, withRequestMeta } from './request-meta.ts'
import { mutualVersion } from './version-state.ts'

/** What the probe found. */
export type ProbeOutcome =
  | {
      readonly era: 'modern'
      readonly version: ModernRevision
      /** The discover result, unless the server identified itself by a modern error. */
      readonly discover?: DiscoverResult | undefined
    }
  | { readonly era: 'legacy' }

/** The HTTP exchange the probe runs on; later requests draw their ids from the same counter. */
export interface ProbeTarget {
  readonly transport: HttpTransport
  readonly ids: RequestIds
}

const LEGACY: ProbeOutcome = { era: 'legacy' }

/**
 * Probes the endpoint. Rejects only for failures that say nothing about the era: network errors,
 * cancellation, 401/403 (authorization comes first), schema failures of a discover result.
 */
export async function probeHttp(
  context: ConnectContext,
  target: ProbeTarget,
): Promise<ProbeOutcome> {
  let offered: ModernRevision = LATEST_REVISION
  for (let attempt = 0; ; attempt++) {
    const classification = await discoverOnce(context, target, offered)
    if (classification.era === 'legacy') return LEGACY
    const { supportedVersions, discover } = classification
    const version = mutualVersion(supportedVersions, offered)
    // A modern server with no mutual modern version may still serve the legacy handshake.
    if (version === undefined) return LEGACY
    if (discover !== undefined || classification.reason !== 'modern-error') {
      return { era: 'modern', version, discover: discoverResult(version, discover) }
    }
    // `-32022` names the versions to retry with; retry the probe once with the mutual one.
    if (supportedVersions === undefined || attempt > 0) return { era: 'modern', version }
    offered = version
  }
}

/** A discover result, checked against `version`'s schema; `undefined` stays `undefined`. */
export function discoverResult(
  version: ModernRevision,
  result: unknown,
): DiscoverResult | undefined {
  if (result === undefined) return undefined
  return validateResult(version, 'server/discover', result) as DiscoverResult
}

type Classified = ProbeClassification & { readonly discover?: unknown }

async function discoverOnce(
  context: ConnectContext,
  target: ProbeTarget,
  offered: ModernRevision,
): Promise<Classified> {
  const method = 'server/discover'
  const params = withRequestMeta(undefined, modernIdentity(context), { protocolVersion: offered })
  try {
    const result = await runExchange({
      transport: target.transport,
      message: { jsonrpc: JSONRPC_VERSION, id: target.ids.next(), method, params },
      headers: standardHeaders({ method, params, protocolVersion: offered }),
      environment: context.options.environment,
      timing: handshakeTiming(context),
      onNotification: () => {},
      onDropped: context.onDropped,
    })
    return { ...classifyProbeResponse({ status: 200, body: { result } }), discover: result }
  } catch (error) {
    return classifyFailure(error)
  }
}

function classifyFailure(error: unknown): ProbeClassification {
  const http = httpErrorOf(error)
  if (http !== undefined) {
    if (http.status === 401 || http.status === 403) throw http
    return classifyProbeResponse({ status: http.status, body: http.body })
  }
  // An error inside a 2xx answer, an answer without a response, or silence: not a modern server.
  if (isProtocolError(error)) {
    return classifyProbeResponse({ status: 200, body: { error: error.toJsonRpc() } })
  }
  if (error instanceof StreamEndedError || isTimeoutError(error)) return { era: 'legacy' }
  throw error
}
