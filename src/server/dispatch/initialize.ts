/**
 * The legacy `initialize` exchange: version negotiation and the `InitializeResult`. The transport
 * calls it to start a session (HTTP) or the process state (stdio).
 */
import { negotiateLegacyVersion } from '../../core/eras/negotiate.ts'
import { isLegacyRevision, type LegacyRevision } from '../../core/eras/versions.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { schemasFor } from '../../core/schemas/revisions.ts'
import { validateWith } from '../../core/schemas/validate.ts'
import type { Catalog } from '../registry/catalog.ts'

/** What `initialize` answers. */
export interface InitializeResult {
  readonly protocolVersion: string
  readonly capabilities: Readonly<Record<string, unknown>>
  readonly serverInfo: Readonly<Record<string, unknown>>
  readonly instructions?: string
  readonly [key: string]: unknown
}

/** The answer to `initialize` and the revision whose rules the session follows. */
export interface InitializeOutcome {
  readonly result: InitializeResult
  readonly revision: LegacyRevision
}

/**
 * Negotiates the version (echoing a supported one, else offering the newest) and builds the
 * result; throws `-32602` for invalid params, or when the server speaks no legacy revision.
 */
export function initialize(catalog: Catalog, params: unknown): InitializeOutcome {
  const supported = catalog.options.supportedVersions.filter(isLegacyRevision)
  const requested =
    typeof params === 'object' && params !== null
      ? (params as { protocolVersion?: unknown }).protocolVersion
      : undefined
  if (supported.length === 0) {
    throw ProtocolError.invalidParams('This server speaks only stateless protocol versions', {
      supported: [...catalog.options.supportedVersions],
      requested,
    })
  }
  const negotiation = negotiateLegacyVersion(requested, { supported })
  const schema = schemasFor(negotiation.rules).methods.initialize?.params
  const checked = schema === undefined ? undefined : validateWith(schema, params)
  if (checked !== undefined && !checked.ok) {
    throw ProtocolError.invalidParams(`Invalid params for initialize: ${checked.message}`)
  }
  const { serverInfo, capabilities, instructions } = catalog.describe(negotiation.rules)
  const result: InitializeResult = {
    protocolVersion: negotiation.protocolVersion,
    capabilities,
    serverInfo,
    ...(instructions === undefined ? {} : { instructions }),
  }
  return { result, revision: negotiation.rules }
}
