/**
 * @module
 * Client entry: connect to MCP servers from browsers, workers and Node. The full client (era
 * negotiation, Streamable HTTP with SSE reconnection, MRTR, the pool) builds on the pieces exported
 * here; every export is public API.
 *
 * @example
 * import { classifyProbeResponse } from 'mcpkit/client'
 *
 * const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(discover) })
 * const body = await response.json().catch(() => undefined)
 * const outcome = classifyProbeResponse({ status: response.status, body })
 * if (outcome.era === 'legacy') {
 *   // fall back to initialize
 * }
 */
export {
  classifyProbeResponse,
  type ProbeClassification,
  type ProbeResponse,
} from '../core/eras/detect.ts'
export {
  acceptLegacyOffer,
  type LegacyVersionOptions,
  type PickVersionOptions,
  pickProtocolVersion,
  readSupportedVersions,
} from '../core/eras/negotiate.ts'
