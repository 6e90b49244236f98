/**
 * What every 2026-07-28 request carries: the `_meta` keys that replace the handshake, and over
 * HTTP the standard headers that mirror the body (SEP-2243). Also the subscription id that
 * `subscriptions/listen` notifications carry back.
 */
import type { JsonRpcId, JsonRpcNotification, JsonRpcParams } from '../../core/protocol/messages.ts'
import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  LOG_LEVEL_META_KEY,
  PROTOCOL_VERSION_META_KEY,
  SUBSCRIPTION_ID_META_KEY,
} from '../../core/schemas/meta-keys.ts'
import type { Implementation, JsonObject } from '../result-types.ts'
import { encodeHeaderValue } from './header-value.ts'

/** Who the client is and what it declares: the same on every request of a connection. */
export interface ClientIdentity {
  readonly capabilities: JsonObject
  readonly clientInfo: Implementation
}

/** What changes per request. */
export interface RequestVersion {
  readonly protocolVersion: string
  /** The lowest log level the server may send for this request; absent means no log messages. */
  readonly logLevel?: string | undefined
}

/**
 * `params` with the per-request `_meta` keys set; the caller's own `_meta` keys (a progress token,
 * trace context) are kept, and the caller's object is not changed.
 *
 * @example
 * withRequestMeta({ name: 'echo' }, identity, { protocolVersion: '2026-07-28' })
 * // { name: 'echo', _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', … } }
 */
export function withRequestMeta(
  params: JsonRpcParams | undefined,
  identity: ClientIdentity,
  at: RequestVersion,
): JsonRpcParams {
  const own = params?._meta
  const base = typeof own === 'object' && own !== null && !Array.isArray(own) ? own : undefined
  const meta: Record<string, unknown> = {
    ...base,
    [PROTOCOL_VERSION_META_KEY]: at.protocolVersion,
    [CLIENT_CAPABILITIES_META_KEY]: identity.capabilities,
    [CLIENT_INFO_META_KEY]: identity.clientInfo,
  }
  if (at.logLevel !== undefined) meta[LOG_LEVEL_META_KEY] = at.logLevel
  return { ...params, _meta: meta }
}

/** The methods whose `Mcp-Name` header mirrors a param, and which param. */
const NAME_PARAM: Readonly<Record<string, 'name' | 'uri'>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
}

/**
 * `MCP-Protocol-Version`, `Mcp-Method` and (for `tools/call`, `prompts/get`, `resources/read`)
 * `Mcp-Name`, encoded with the Base64 sentinel where needed.
 *
 * @example
 * standardHeaders({ method: 'tools/call', params: { name: 'echo' }, protocolVersion: '2026-07-28' })
 * // { 'MCP-Protocol-Version': '2026-07-28', 'Mcp-Method': 'tools/call', 'Mcp-Name': 'echo' }
 */
export function standardHeaders(request: {
  readonly method: string
  readonly params: JsonRpcParams | undefined
  readonly protocolVersion: string
}): Record<string, string> {
  const headers: Record<string, string> = {
    'MCP-Protocol-Version': request.protocolVersion,
    'Mcp-Method': request.method,
  }
  const key = NAME_PARAM[request.method]
  const name = key === undefined ? undefined : request.params?.[key]
  if (typeof name === 'string') headers['Mcp-Name'] = encodeHeaderValue(name)
  return headers
}

/** The `subscriptionId` in a notification's `_meta`, when it carries a valid one. */
export function subscriptionIdOf(notification: JsonRpcNotification): JsonRpcId | undefined {
  const meta = notification.params?._meta as Record<string, unknown> | null | undefined
  const id = meta?.[SUBSCRIPTION_ID_META_KEY]
  return typeof id === 'string' || typeof id === 'number' ? id : undefined
}
