/**
 * The legacy handshake (SPEC §7.1): `initialize` with the version the client prefers, accept the
 * server's answer only if the client speaks it, then `notifications/initialized`.
 *
 * @internal
 */
import { acceptLegacyOffer } from '../../core/eras/negotiate.ts'
import {
  isLegacyRevision,
  LATEST_LEGACY_REVISION,
  type LegacyRevision,
} from '../../core/eras/versions.ts'
import { McpkitError } from '../../core/errors/base.ts'
import { ErrorCode } from '../../core/errors/codes.ts'
import { type ConnectContext, handshakeTiming } from '../connect-context.ts'
import type { EngineWire } from '../engine-wire.ts'
import { declaredCapabilities } from '../input-dispatch.ts'
import type { InitializeResult } from '../result-types.ts'
import { validateResult } from '../validate-result.ts'
import type { Wire } from '../wire.ts'

/** What the handshake settled. */
export interface Initialized {
  readonly result: InitializeResult
  /** The revision whose rules apply (`2024-10-07` reads as `2024-11-05`). */
  readonly rules: LegacyRevision
}

/**
 * Runs the handshake over `wire`, offering the pinned legacy version (then only that one is
 * acceptable) or the newest one. Rejects with a `ProtocolError` when the server refuses, and with an
 * `McpkitError` (`PROTOCOL`) when it offers a version this client does not speak (the client then
 * has to disconnect).
 *
 * `accepted` runs once the answer is accepted and before `notifications/initialized` goes out: that
 * notification is the first message after the handshake, so over HTTP it already carries the
 * agreed `MCP-Protocol-Version` (and the wire speaks the agreed revision for it).
 */
export async function initialize(
  wire: Pick<Wire, 'request'> & Required<Pick<Wire, 'notify'>>,
  context: ConnectContext,
  accepted: (done: Initialized) => void,
): Promise<Initialized> {
  const { options } = context
  const pinned = options.config.protocolVersion
  const offer = isLegacyRevision(pinned) ? pinned : LATEST_LEGACY_REVISION
  const raw = await wire.request(
    'initialize',
    {
      protocolVersion: offer,
      capabilities: declaredCapabilities(options, 'legacy'),
      clientInfo: options.clientInfo,
    },
    handshakeTiming(context),
  )
  const offered = (raw as { protocolVersion?: unknown } | null)?.protocolVersion
  const rules = acceptLegacyOffer(offered, pinned === undefined ? {} : { supported: [offer] })
  if (rules === undefined) {
    throw new McpkitError(
      ErrorCode.Protocol,
      `The server offered protocol version ${String(offered)}, which this client does not speak`,
    )
  }
  const done = { result: validateResult(rules, 'initialize', raw) as InitializeResult, rules }
  accepted(done)
  await wire.notify('notifications/initialized')
  return done
}

/**
 * The handshake over an engine wire without a session (stdio, in-memory, HTTP+SSE): the wire speaks
 * the agreed revision afterwards.
 */
export async function initializeEngine(
  context: ConnectContext,
  wire: EngineWire,
): Promise<InitializeResult> {
  const { result } = await initialize(wire, context, ({ rules }) => wire.useLegacy(rules))
  context.emit({
    type: 'session:opened',
    sessionId: undefined,
    protocolVersion: result.protocolVersion,
  })
  return result
}
