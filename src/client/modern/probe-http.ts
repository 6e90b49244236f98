/**
 * The HTTP probe of SPEC §5.1: POST `server/discover` and read the answer. A result or a recognised
 * modern error (`-32022`, `-32021`, `-32020`, or `-32601` with 404) means a modern server; anything
 * else means legacy. The fallback never keys on one error code: `classifyProbeResponse` decides.
 *
 * @internal
 */
import type { Environment } from '../../core/environment.ts'
import { classifyProbeResponse, type ProbeClassification } from '../../core/eras/detect.ts'
import { pickProtocolVersion } from '../../core/eras/negotiate.ts'
import { LATEST_REVISION, MODERN_REVISIONS, type ModernRevision } from '../../core/eras/versions.ts'
import { isProtocolError, isTimeoutError } from '../../core/errors/guards.ts'
import { JSONRPC_VERSION } from '../../core/protocol/messages.ts'
import { httpErrorOf } from '../http-errors.ts'
import type { HttpTransport } from '../http-transport.ts'
import type { DiscoverResult, Implementation, JsonObject } from '../result-types.ts'
import { validateResult } from '../validate-result.ts'
import type { RequestIds, WireRequestOptions } from '../wire.ts'
import { runExchange, StreamEndedError } from './http-exchange.ts'
import { standardHeaders, withRequestMeta } from './request-meta.ts'

/** What the probe found. */
export type ProbeOutcome =
  | {
      readonly era: 'modern'
      readonly protocolVersion: ModernRevision
      /** The discover result, unless the server identified itself by a modern error. */
      readonly discover?: DiscoverResult | undefined
    }
  | { readonly era: 'legacy' }

/** What the probe needs. */
export interface ProbeOptions {
  readonly transport: HttpTransport
  readonly environment: Environment
  readonly capabilities: JsonObject
  readonly clientInfo: Implementation
  readonly timing: WireRequestOptions
  readonly onDropped: (reason: string, message: unknown) => void
  readonly ids: RequestIds
}

const LEGACY: ProbeOutcome = { era: 'legacy' }

/**
 * Probes the endpoint. Rejects only for failures that say nothing about the era: network errors,
 * cancellation, 401/403 (authorization comes first), schema failures of a discover result.
 */
export async function probeHttp(options: ProbeOptions): Promise<ProbeOutcome> {
  let offered: ModernRevision = LATEST_REVISION
  for (let attempt = 0; ; attempt++) {
    const classification = await discoverOnce(options, { id: options.ids.next(), offered })
    if (classification.era === 'legacy') return LEGACY
    const { supportedVersions, discover } = classification
    const mutual =
      supportedVersions === undefined
        ? offered
        : (pickProtocolVersion({ offered: supportedVersions, supported: MODERN_REVISIONS }) as
            | ModernRevision
            | undefined)
    // A modern server with no mutual modern version may still serve the legacy handshake.
    if (mutual === undefined) return LEGACY
    if (discover !== undefined || classification.reason !== 'modern-error') {
      return { era: 'modern', protocolVersion: mutual, discover: checkDiscover(mutual, discover) }
    }
    // `-32022` names the versions to retry with; retry the probe once with the mutual one.
    if (supportedVersions === undefined || attempt > 0) {
      return { era: 'modern', protocolVersion: mutual }
    }
    offered = mutual
  }
}

type Classified = ProbeClassification & { readonly discover?: unknown }

async function discoverOnce(
  options: ProbeOptions,
  at: { id: number; offered: ModernRevision },
): Promise<Classified> {
  const method = 'server/discover'
  const params = withRequestMeta(undefined, {
    protocolVersion: at.offered,
    capabilities: options.capabilities,
    clientInfo: options.clientInfo,
  })
  try {
    const result = await runExchange({
      transport: options.transport,
      message: { jsonrpc: JSONRPC_VERSION, id: at.id, method, params },
      headers: standardHeaders({ method, params, protocolVersion: at.offered }),
      environment: options.environment,
      timing: options.timing,
      onNotification: () => {},
      onDropped: options.onDropped,
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

function checkDiscover(version: ModernRevision, result: unknown): DiscoverResult | undefined {
  if (result === undefined) return undefined
  return validateResult(version, 'server/discover', result) as DiscoverResult
}
