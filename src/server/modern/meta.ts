/**
 * The per-request `_meta` of the stateless revision (SPEC §7.2, §3.7): protocol version and client
 * capabilities are required, client info is optional, a log level must be a known one, and the
 * `MCP-Protocol-Version` header must repeat the version.
 */

import { unsupportedVersionError } from '../../core/eras/negotiate.ts'
import { isModernRevision, type ModernRevision } from '../../core/eras/versions.ts'
import { JsonRpcErrorCode } from '../../core/errors/codes.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { LOGGING_LEVELS } from '../../core/schemas/base.ts'
import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  LOG_LEVEL_META_KEY,
  PROTOCOL_VERSION_META_KEY,
} from '../../core/schemas/meta-keys.ts'

/** The protocol fields of a modern request's `_meta`, checked. */
export interface RequestMeta {
  readonly protocolVersion: ModernRevision
  readonly clientCapabilities: Readonly<Record<string, unknown>>
  readonly clientInfo: Readonly<Record<string, unknown>> | undefined
  /** The lowest level of `notifications/message` the request wants; none without it. */
  readonly logLevel: string | undefined
}

/** The syslog levels of `notifications/message`, lowest first (the schemas' list, widened for lookups). */
export const LOG_LEVELS: readonly string[] = LOGGING_LEVELS
const levels = new Set(LOG_LEVELS)

type Fields = Readonly<Record<string, unknown>>

/**
 * Reads and checks a modern request's `_meta` against its `MCP-Protocol-Version` header. Throws the
 * `ProtocolError` to answer with HTTP 400: `-32602` for a missing or malformed field, `-32020` when
 * the header is missing or differs, `-32022` for a version this server does not speak.
 *
 * @example
 * readRequestMeta(params, { header: request.headers.get('mcp-protocol-version'), supported: ['2026-07-28'] })
 */
export function readRequestMeta(
  params: Fields | undefined,
  versions: { readonly header: string | null; readonly supported: readonly string[] },
): RequestMeta {
  const headerVersion = versions.header
  const meta = params?._meta
  if (!isObject(meta)) {
    throw ProtocolError.invalidParams(
      'Invalid params: `_meta` with the protocol fields is required',
    )
  }
  const version = meta[PROTOCOL_VERSION_META_KEY]
  if (typeof version !== 'string') {
    throw missingKey(PROTOCOL_VERSION_META_KEY)
  }
  if (headerVersion === null || headerVersion !== version) {
    throw headerMismatch(
      headerVersion === null
        ? 'the MCP-Protocol-Version header is missing'
        : `MCP-Protocol-Version header value '${headerVersion}' does not match _meta value '${version}'`,
    )
  }
  if (!isModernRevision(version) || !versions.supported.includes(version)) {
    throw unsupportedVersionError({ requested: version, supported: versions.supported })
  }
  return {
    protocolVersion: version,
    clientCapabilities: readCapabilities(meta),
    clientInfo: readClientInfo(meta),
    logLevel: readLogLevel(meta),
  }
}

/** A `-32020` HeaderMismatch error. */
export function headerMismatch(detail: string): ProtocolError {
  return new ProtocolError(JsonRpcErrorCode.HeaderMismatch, `Header mismatch: ${detail}`)
}

function readCapabilities(meta: Fields): Fields {
  const capabilities = meta[CLIENT_CAPABILITIES_META_KEY]
  if (!isObject(capabilities)) throw missingKey(CLIENT_CAPABILITIES_META_KEY)
  return capabilities
}

function readClientInfo(meta: Fields): Fields | undefined {
  const info = meta[CLIENT_INFO_META_KEY]
  if (info === undefined) return undefined
  if (!isObject(info)) {
    throw ProtocolError.invalidParams(
      `Invalid params: \`_meta["${CLIENT_INFO_META_KEY}"]\` must be an object`,
    )
  }
  return info
}

function readLogLevel(meta: Fields): string | undefined {
  const level = meta[LOG_LEVEL_META_KEY]
  if (level === undefined) return undefined
  if (typeof level !== 'string' || !levels.has(level)) {
    throw ProtocolError.invalidParams(
      `Invalid params: \`_meta["${LOG_LEVEL_META_KEY}"]\` must be one of ${LOG_LEVELS.join(', ')}`,
    )
  }
  return level
}

function missingKey(key: string): ProtocolError {
  return ProtocolError.invalidParams(`Invalid params: \`_meta["${key}"]\` is required`)
}

/** Whether `value` is a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
