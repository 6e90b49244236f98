/**
 * Which client capability a request for client input needs. A server MUST NOT ask for what the
 * client did not declare: legacy handlers get an error (a tool error), 2026-07-28 requests fail
 * with `-32021` naming the missing capability as a capabilities object.
 */
import { JsonRpcErrorCode } from '../../core/errors/codes.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'

/** The requests a server may send (legacy) or put in `inputRequests` (2026-07-28). */
export type InputMethod = 'elicitation/create' | 'sampling/createMessage' | 'roots/list'

type Capabilities = Readonly<Record<string, unknown>>

function objectAt(capabilities: Capabilities, key: string): Capabilities | undefined {
  const value = capabilities[key]
  return typeof value === 'object' && value !== null ? (value as Capabilities) : undefined
}

function elicitationNeeds(
  params: Readonly<Record<string, unknown>>,
  declared: Capabilities | undefined,
): Capabilities | undefined {
  const mode = params.mode === 'url' ? 'url' : 'form'
  if (declared === undefined) return { elicitation: { [mode]: {} } }
  // An empty elicitation capability means form mode only (2025-11-25 on; earlier revisions had no modes).
  const modes = ['form', 'url'].filter((key) => declared[key] !== undefined)
  const supported = modes.length === 0 ? ['form'] : modes
  return supported.includes(mode) ? undefined : { elicitation: { [mode]: {} } }
}

function samplingNeeds(
  params: Readonly<Record<string, unknown>>,
  declared: Capabilities | undefined,
): Capabilities | undefined {
  if (declared === undefined) return { sampling: {} }
  const wantsTools = params.tools !== undefined || params.toolChoice !== undefined
  if (wantsTools && declared.tools === undefined) return { sampling: { tools: {} } }
  const wantsContext =
    params.includeContext === 'thisServer' || params.includeContext === 'allServers'
  if (wantsContext && declared.context === undefined) return { sampling: { context: {} } }
  return undefined
}

/**
 * The capabilities object `method` with `params` needs and `capabilities` lacks, or `undefined`
 * when the client declared what it takes.
 *
 * @example
 * missingCapability('sampling/createMessage', { messages: [], maxTokens: 5 }, {}) // { sampling: {} }
 */
export function missingCapability(
  method: InputMethod,
  params: Readonly<Record<string, unknown>>,
  capabilities: Capabilities,
): Capabilities | undefined {
  if (method === 'roots/list') {
    return objectAt(capabilities, 'roots') === undefined ? { roots: {} } : undefined
  }
  if (method === 'sampling/createMessage') {
    return samplingNeeds(params, objectAt(capabilities, 'sampling'))
  }
  return elicitationNeeds(params, objectAt(capabilities, 'elicitation'))
}

/** The 2026-07-28 `-32021` error for a request that needs `required`. */
export function missingCapabilityError(required: Capabilities): ProtocolError {
  const names = Object.keys(required).join(', ')
  return new ProtocolError(
    JsonRpcErrorCode.MissingRequiredClientCapability,
    `Missing required client capability: ${names}`,
    { data: { requiredCapabilities: required } },
  )
}
