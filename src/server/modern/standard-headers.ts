/**
 * The standard request headers of the stateless revision (SEP-2243): `Mcp-Method` on every request,
 * `Mcp-Name` for `tools/call`, `prompts/get` (`params.name`) and `resources/read` (`params.uri`).
 * Header names match case-insensitively (the `Headers` class does that); values are case-sensitive.
 */
import type { HeaderLookup } from '../../core/buffered-exchange.ts'
import type { ProtocolError } from '../../core/errors/protocol-error.ts'
import { decodeHeaderValue } from './header-value.ts'
import { headerMismatch } from './meta.ts'

// Methods whose Mcp-Name is required, and the params field it mirrors.
const REQUIRED_NAME: Readonly<Record<string, string>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
}

// The tasks extension mirrors `params.taskId`; checked when sent, never required by the core.
const OPTIONAL_NAME: Readonly<Record<string, string>> = {
  'tasks/get': 'taskId',
  'tasks/update': 'taskId',
  'tasks/cancel': 'taskId',
}

/**
 * Checks `Mcp-Method` and `Mcp-Name` against the body. Returns the `-32020` error to answer with
 * (HTTP 400), or `undefined` when they match.
 *
 * @example
 * checkStandardHeaders({ method: 'tools/call', params, headers: request.headers })
 */
export function checkStandardHeaders(input: {
  readonly method: string
  readonly params: Readonly<Record<string, unknown>> | undefined
  readonly headers: HeaderLookup
}): ProtocolError | undefined {
  const { method, params, headers } = input
  const headerMethod = headers.get('mcp-method')
  if (headerMethod === null) return headerMismatch('the Mcp-Method header is missing')
  if (headerMethod !== method) {
    return headerMismatch(
      `Mcp-Method header value '${headerMethod}' does not match body value '${method}'`,
    )
  }
  const required = REQUIRED_NAME[method]
  const field = required ?? OPTIONAL_NAME[method]
  if (field === undefined) return undefined
  const body = params?.[field]
  const raw = headers.get('mcp-name')
  if (raw === null) {
    return required !== undefined && body !== undefined
      ? headerMismatch('the Mcp-Name header is missing')
      : undefined
  }
  const name = decodeHeaderValue(raw)
  if (name === undefined)
    return headerMismatch('the Mcp-Name header value is not a valid header value')
  if (name !== body) {
    return headerMismatch(
      `Mcp-Name header value '${raw}' does not match body value '${String(body)}'`,
    )
  }
  return undefined
}
