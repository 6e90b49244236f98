/**
 * The legacy handshake (SPEC §7.1): `initialize` with the version the client prefers, accept the
 * server's answer only if the client speaks it, then `notifications/initialized`.
 *
 * @internal
 */
import { acceptLegacyOffer } from '../../core/eras/negotiate.ts'
import type { LegacyRevision } from '../../core/eras/versions.ts'
import { McpkitError } from '../../core/errors/base.ts'
import { ErrorCode } from '../../core/errors/codes.ts'
import type { Implementation, InitializeResult, JsonObject } from '../result-types.ts'
import { validateResult } from '../validate-result.ts'
import type { Wire, WireRequestOptions } from '../wire.ts'

/** What the handshake sends. */
export interface InitializeOptions {
  /** The version offered; the newest legacy revision unless pinned. */
  readonly offer: LegacyRevision
  /** When pinned, only the offered version is acceptable. */
  readonly pinned: boolean
  readonly capabilities: JsonObject
  readonly clientInfo: Implementation
  readonly timing: WireRequestOptions
}

/** What the handshake settled. */
export interface Initialized {
  readonly result: InitializeResult
  /** The revision whose rules apply (`2024-10-07` reads as `2024-11-05`). */
  readonly rules: LegacyRevision
}

/**
 * Runs the handshake over `wire`. Rejects with a `ProtocolError` when the server refuses, and with an
 * `McpkitError` (`PROTOCOL`) when it offers a version this client does not speak (the client then
 * has to disconnect).
 */
export async function initialize(
  wire: Pick<Wire, 'request' | 'notify'>,
  options: InitializeOptions,
): Promise<Initialized> {
  const raw = await wire.request(
    'initialize',
    {
      protocolVersion: options.offer,
      capabilities: options.capabilities,
      clientInfo: options.clientInfo,
    },
    options.timing,
  )
  const offered = (raw as { protocolVersion?: unknown } | null)?.protocolVersion
  const rules = acceptLegacyOffer(offered, options.pinned ? { supported: [options.offer] } : {})
  if (rules === undefined) {
    throw new McpkitError(
      ErrorCode.Protocol,
      `The server offered protocol version ${String(offered)}, which this client does not speak`,
    )
  }
  const result = validateResult(rules, 'initialize', raw) as InitializeResult
  await wire.notify('notifications/initialized')
  return { result, rules }
}
