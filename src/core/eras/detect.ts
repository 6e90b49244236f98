/**
 * Telling the eras apart (SPEC §5): on the client, from the answer to a modern probe; on a dual-era
 * server, from each incoming HTTP request.
 */
import { JsonRpcErrorCode } from '../errors/codes.ts'
import type { JsonRpcErrorObject } from '../errors/protocol-error.ts'
import { isJsonRpcErrorObject, parseBodyText } from '../protocol/classify.ts'
import { PROTOCOL_VERSION_META_KEY } from '../schemas/meta-keys.ts'
import { readSupportedVersions } from './negotiate.ts'
import { isModernRevision } from './versions.ts'

/** The version legacy HTTP servers assume when a request has no `MCP-Protocol-Version` header. */
export const ASSUMED_LEGACY_VERSION = '2025-03-26'

/** What a probe's answer says about the server. */
export type ProbeClassification =
  | {
      readonly era: 'modern'
      /** `discover-result`: a `server/discover` result; `modern-error`: a modern error body. */
      readonly reason: 'discover-result' | 'modern-error'
      /** Versions to retry with: `supportedVersions` of a result, or `data.supported` of a `-32022`. */
      readonly supportedVersions?: readonly string[]
      /** The modern error, when that is what identified the server. */
      readonly error?: JsonRpcErrorObject
    }
  | { readonly era: 'legacy' }

/** A probe's answer: the HTTP status (absent on stdio) and the JSON-RPC body, parsed or as text. */
export interface ProbeResponse {
  readonly status?: number
  readonly body: unknown
}

const PROBE_FAILURE_STATUSES = new Set([400, 404, 405])
const MODERN_ONLY_CODES = new Set<number>([
  JsonRpcErrorCode.UnsupportedProtocolVersion,
  JsonRpcErrorCode.MissingRequiredClientCapability,
  JsonRpcErrorCode.HeaderMismatch,
])

/**
 * Classifies the answer to a modern probe (normally `server/discover`), SPEC §5.1 and §5.2.
 *
 * Modern when the answer is a `server/discover` result, or an error only a modern server sends:
 * `-32022`, `-32021` or `-32020` (over HTTP only with status 400, 404 or 405), or `-32601` with
 * status 404. Anything else is legacy: a plain `-32601` is what every legacy server answers to an
 * unknown method, so no single code decides on its own. Handle 401/403 (authorization) before calling.
 *
 * @example
 * classifyProbeResponse({ status: 404, body: { jsonrpc: '2.0', id: 1, error: { code: -32601, message: '' } } })
 * // { era: 'modern', reason: 'modern-error', error: { code: -32601, message: '' } }
 * classifyProbeResponse({ status: 400, body: 'Bad Request: No valid session ID provided' })
 * // { era: 'legacy' }
 */
export function classifyProbeResponse(response: ProbeResponse): ProbeClassification {
  const body = parseBodyText(response.body)
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return LEGACY
  const { status } = response
  const { result, error } = body as { result?: unknown; error?: unknown }
  if (result !== undefined) return classifyResult(result, status)
  if (!isJsonRpcErrorObject(error)) return LEGACY
  if (status !== undefined && !PROBE_FAILURE_STATUSES.has(status)) return LEGACY
  const modern =
    MODERN_ONLY_CODES.has(error.code) ||
    (error.code === JsonRpcErrorCode.MethodNotFound && status === 404)
  if (!modern) return LEGACY
  const supportedVersions = readSupportedVersions(error)
  const identified = { era: 'modern', reason: 'modern-error', error } as const
  return supportedVersions === undefined ? identified : { ...identified, supportedVersions }
}

/** The facts of one HTTP request that decide its era. */
export interface RequestEraInput {
  /** `GET`, `POST`, `DELETE`, … (any case). */
  readonly httpMethod: string
  /** The `MCP-Protocol-Version` header, `null` or `undefined` when absent (`Headers.get` gives `null`). */
  readonly protocolVersionHeader?: string | null | undefined
  /** The parsed JSON body of a POST, if any. */
  readonly body?: unknown
}

/** Where a request goes on a dual-era server. */
export type RequestEra =
  | {
      readonly era: 'modern'
      /** The version the request claims: `_meta`'s, else the header's. Check it, answer `-32022`. */
      readonly protocolVersion: string | undefined
      readonly headerVersion: string | undefined
      readonly metaVersion: string | undefined
      /** `_meta` carries a version and the header is missing or differs: answer `-32020`. */
      readonly headerMismatch: boolean
    }
  | {
      readonly era: 'legacy'
      /** The header's version, or `2025-03-26` when it is missing. Unknown values get HTTP 400. */
      readonly protocolVersion: string
      /** `true` when the header was missing and the version was assumed. */
      readonly assumed: boolean
    }

/**
 * Routes one HTTP request on a dual-era server (SPEC §5.3), in order: GET and DELETE are legacy; a
 * modern `MCP-Protocol-Version` header or a `_meta` protocol version makes it modern (session and
 * `Last-Event-ID` headers are then ignored by the caller); everything else is legacy, with a missing
 * header meaning `2025-03-26`.
 *
 * @example
 * detectRequestEra({ httpMethod: 'POST', protocolVersionHeader: null, body: initializeRequest })
 * // { era: 'legacy', protocolVersion: '2025-03-26', assumed: true }
 */
export function detectRequestEra(input: RequestEraInput): RequestEra {
  const header = input.protocolVersionHeader ?? undefined
  if (input.httpMethod.toUpperCase() !== 'POST') return legacy(header)
  const meta = readMeta(input.body)
  const metaPresent = meta !== undefined && PROTOCOL_VERSION_META_KEY in meta
  if (!metaPresent && !(header !== undefined && isModernRevision(header))) return legacy(header)
  const raw = meta?.[PROTOCOL_VERSION_META_KEY]
  const metaVersion = typeof raw === 'string' ? raw : undefined
  return {
    era: 'modern',
    protocolVersion: metaVersion ?? header,
    headerVersion: header,
    metaVersion,
    headerMismatch: metaPresent && header !== metaVersion,
  }
}

const LEGACY: ProbeClassification = { era: 'legacy' }

function classifyResult(result: unknown, status: number | undefined): ProbeClassification {
  if (status !== undefined && (status < 200 || status > 299)) return LEGACY
  const versions = (result as { supportedVersions?: unknown } | null)?.supportedVersions
  if (!Array.isArray(versions)) return LEGACY
  const supportedVersions = versions.filter((v): v is string => typeof v === 'string')
  return { era: 'modern', reason: 'discover-result', supportedVersions }
}

function legacy(header: string | undefined): RequestEra {
  return header === undefined
    ? { era: 'legacy', protocolVersion: ASSUMED_LEGACY_VERSION, assumed: true }
    : { era: 'legacy', protocolVersion: header, assumed: false }
}

function readMeta(body: unknown): Readonly<Record<string, unknown>> | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  const params = (body as { params?: unknown }).params
  if (typeof params !== 'object' || params === null) return undefined
  const meta = (params as { _meta?: unknown })._meta
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta)
    ? (meta as Readonly<Record<string, unknown>>)
    : undefined
}
