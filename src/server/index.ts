/**
 * @module
 * Server entry: serve MCP from any runtime with a web-standard `fetch` handler. Every export is
 * public API.
 *
 * @example
 * import { detectRequestEra } from 'mcpkit/server'
 *
 * const body = await request.clone().json()
 * const era = detectRequestEra({
 *   httpMethod: request.method,
 *   protocolVersionHeader: request.headers.get('mcp-protocol-version') ?? undefined,
 *   body,
 * })
 */

export {
  ASSUMED_LEGACY_VERSION,
  detectRequestEra,
  type RequestEra,
  type RequestEraInput,
} from '../core/eras/detect.ts'
export {
  type LegacyNegotiation,
  type LegacyVersionOptions,
  negotiateLegacyVersion,
  type UnsupportedVersionInit,
  unsupportedVersionError,
} from '../core/eras/negotiate.ts'
export { encodeSseComment, encodeSseEvent, type SseEvent, SseStream } from '../core/sse/writer.ts'
