/**
 * Version negotiation for both eras (SPEC §7): the legacy `initialize` exchange on each side, and the
 * modern `-32022 UnsupportedProtocolVersion` error with its retry.
 */
import { JsonRpcErrorCode } from '../errors/codes.ts'
import { ConfigError } from '../errors/config-error.ts'
import { ProtocolError } from '../errors/protocol-error.ts'
import {
  isLegacyRevision,
  LEGACY_REVISIONS,
  type LegacyRevision,
  MODERN_REVISIONS,
  PROTOCOL_REVISIONS,
  type ProtocolRevision,
  revisionRules,
} from './versions.ts'

/** The server's answer to a legacy `initialize`. */
export interface LegacyNegotiation {
  /** What to put in `InitializeResult.protocolVersion`. */
  readonly protocolVersion: string
  /** The revision whose rules apply from now on (`2024-10-07` reads as `2024-11-05`). */
  readonly rules: LegacyRevision
  /** `true` when the client's version was echoed, `false` when the server offered its own. */
  readonly accepted: boolean
}

/** Options of the legacy negotiation helpers. */
export interface LegacyVersionOptions {
  /** The revisions this side speaks. @default every legacy revision */
  readonly supported?: readonly LegacyRevision[]
}

/**
 * Server side of a legacy `initialize`: echo the requested version if supported (including the
 * pre-release `2024-10-07`, which follows the `2024-11-05` rules), otherwise offer the newest
 * supported revision and let the client decide.
 *
 * @example
 * negotiateLegacyVersion('2025-06-18') // { protocolVersion: '2025-06-18', rules: '2025-06-18', accepted: true }
 * negotiateLegacyVersion('2024-10-07') // { protocolVersion: '2024-10-07', rules: '2024-11-05', accepted: true }
 * negotiateLegacyVersion('1999-01-01') // { protocolVersion: '2025-11-25', rules: '2025-11-25', accepted: false }
 */
export function negotiateLegacyVersion(
  requested: unknown,
  options: LegacyVersionOptions = {},
): LegacyNegotiation {
  const supported = supportedLegacy(options)
  const rules = typeof requested === 'string' ? revisionRules(requested) : undefined
  if (typeof requested === 'string' && isLegacyRevision(rules) && supported.includes(rules)) {
    return { protocolVersion: requested, rules, accepted: true }
  }
  const offer = newest(supported) as LegacyRevision
  return { protocolVersion: offer, rules: offer, accepted: false }
}

/**
 * Client side of a legacy `initialize`: the rules to follow for the server's offered version, or
 * `undefined` when the client cannot speak it and must disconnect.
 *
 * @example
 * acceptLegacyOffer('2025-03-26') // '2025-03-26'
 * acceptLegacyOffer('2030-01-01') // undefined: disconnect
 */
export function acceptLegacyOffer(
  offered: unknown,
  options: LegacyVersionOptions = {},
): LegacyRevision | undefined {
  if (typeof offered !== 'string') return undefined
  const rules = revisionRules(offered)
  return isLegacyRevision(rules) && supportedLegacy(options).includes(rules) ? rules : undefined
}

/** What {@link unsupportedVersionError} is built from. */
export interface UnsupportedVersionInit {
  /** The version the request carried. */
  readonly requested: string
  /** The versions the server accepts, newest first in the error. @default the modern revisions */
  readonly supported?: readonly string[]
}

/**
 * The modern `-32022` error for a request whose `_meta` version the server does not speak.
 * Over HTTP it goes with status 400.
 *
 * @example
 * unsupportedVersionError({ requested: '1999-01-01' }).toJsonRpc()
 * // { code: -32022, message: 'Unsupported protocol version',
 * //   data: { supported: ['2026-07-28'], requested: '1999-01-01' } }
 */
export function unsupportedVersionError(init: UnsupportedVersionInit): ProtocolError {
  const supported = [...(init.supported ?? MODERN_REVISIONS)].sort(newestFirst)
  return new ProtocolError(
    JsonRpcErrorCode.UnsupportedProtocolVersion,
    'Unsupported protocol version',
    {
      data: { supported, requested: init.requested },
    },
  )
}

/**
 * Reads `data.supported` from a `-32022` error, given as a `ProtocolError` or a raw JSON-RPC error
 * object. Returns `undefined` for any other error or when the list is missing; non-strings are skipped.
 *
 * @example
 * readSupportedVersions(error) // ['2026-07-28', '2025-11-25']
 */
export function readSupportedVersions(error: unknown): readonly string[] | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  // A ProtocolError and a raw error object both carry `code` and `data`.
  const { code, data } = error as { code?: unknown; data?: unknown }
  if (code !== JsonRpcErrorCode.UnsupportedProtocolVersion) return undefined
  const supported = (data as { supported?: unknown } | null | undefined)?.supported
  if (!Array.isArray(supported)) return undefined
  return supported.filter((version): version is string => typeof version === 'string')
}

/** Options of {@link pickProtocolVersion}. */
export interface PickVersionOptions {
  /** The versions the peer offered (e.g. `data.supported` or `supportedVersions`). */
  readonly offered: readonly string[]
  /** The versions this side speaks. @default every revision mcpkit implements */
  readonly supported?: readonly ProtocolRevision[]
}

/**
 * The newest version both sides speak, or `undefined` when there is none. Use it to retry after a
 * `-32022`, or to choose from `server/discover`'s `supportedVersions`. The result may be legacy: check
 * `eraOf()` before sending it in `_meta`.
 *
 * @example
 * pickProtocolVersion({ offered: ['2026-07-28', '2025-11-25'] }) // '2026-07-28'
 * pickProtocolVersion({ offered: ['2099-01-01'] }) // undefined
 */
export function pickProtocolVersion(options: PickVersionOptions): ProtocolRevision | undefined {
  const ours: readonly string[] = options.supported ?? PROTOCOL_REVISIONS
  const mutual = options.offered.filter((version) => ours.includes(version))
  return newest(mutual) as ProtocolRevision | undefined
}

function supportedLegacy(options: LegacyVersionOptions): readonly LegacyRevision[] {
  const supported = options.supported ?? LEGACY_REVISIONS
  if (supported.length === 0) {
    throw new ConfigError({
      option: 'supported',
      value: supported,
      message: 'The `supported` option must list at least one legacy revision',
    })
  }
  return supported
}

// Revisions are ISO dates, so string order is release order.
function newestFirst(a: string, b: string): number {
  if (a === b) return 0
  return a < b ? 1 : -1
}

function newest(versions: readonly string[]): string | undefined {
  let best: string | undefined
  for (const version of versions) if (best === undefined || version > best) best = version
  return best
}
