/**
 * `Mcp-Param-*` headers (SEP-2243): a tool's `inputSchema` may mark properties with
 * `x-mcp-header: "<Name>"`; clients then mirror the argument into `Mcp-Param-<Name>`, and the
 * server must check that the header is there and matches the body.
 */
import type { HeaderLookup } from '../../core/buffered-exchange.ts'
import type { ProtocolError } from '../../core/errors/protocol-error.ts'
import { decodeHeaderValue } from './header-value.ts'
import { headerMismatch, isObject } from './meta.ts'

/** One annotated property: the header that mirrors it and the path of property keys leading to it. */
export interface ParamHeaderBinding {
  /** The header name, e.g. `Mcp-Param-Region`. */
  readonly header: string
  /** Property keys from the arguments' root to the value. */
  readonly path: readonly string[]
}

const NO_BINDINGS: readonly ParamHeaderBinding[] = []
const bindingsBySchema = new WeakMap<object, readonly ParamHeaderBinding[]>()
const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/**
 * The `x-mcp-header` annotations of an input schema reachable through `properties` chains only
 * (annotations under `items`, compositions, conditionals or `$ref` are not mirrored). Cached per
 * schema object, so a tool's schema is walked once.
 *
 * @example
 * paramHeaderBindings({ type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } })
 * // [{ header: 'Mcp-Param-Region', path: ['region'] }]
 */
export function paramHeaderBindings(
  schema: Readonly<Record<string, unknown>>,
): readonly ParamHeaderBinding[] {
  const cached = bindingsBySchema.get(schema)
  if (cached !== undefined) return cached
  const found: ParamHeaderBinding[] = []
  collect(schema, { path: [], found })
  const bindings = found.length === 0 ? NO_BINDINGS : found
  bindingsBySchema.set(schema, bindings)
  return bindings
}

function collect(
  schema: Readonly<Record<string, unknown>>,
  into: { path: readonly string[]; found: ParamHeaderBinding[] },
): void {
  const properties = schema.properties
  if (!isObject(properties)) return
  for (const [key, property] of Object.entries(properties)) {
    if (!isObject(property)) continue
    const path = [...into.path, key]
    const name = property['x-mcp-header']
    if (typeof name === 'string' && HEADER_TOKEN.test(name)) {
      into.found.push({ header: `Mcp-Param-${name}`, path })
    }
    collect(property, { path, found: into.found })
  }
}

/**
 * Checks every bound header against the call's arguments. Returns the `-32020` error to answer
 * with, or `undefined` when all match: a present value needs its header (decoded, integers compared
 * numerically, booleans as `true`/`false`); an absent or `null` value must not have one.
 *
 * @example
 * checkParamHeaders(bindings, { arguments: params.arguments, headers: request.headers })
 */
export function checkParamHeaders(
  bindings: readonly ParamHeaderBinding[],
  input: { readonly arguments: unknown; readonly headers: HeaderLookup },
): ProtocolError | undefined {
  for (const binding of bindings) {
    const value = valueAt(input.arguments, binding.path)
    const raw = input.headers.get(binding.header)
    if (value === undefined || value === null) {
      if (raw === null) continue
      return headerMismatch(`${binding.header} header is present but the argument is not`)
    }
    if (raw === null) return headerMismatch(`${binding.header} header is missing`)
    const decoded = decodeHeaderValue(raw)
    if (decoded === undefined) {
      return headerMismatch(`${binding.header} header value is not a valid header value`)
    }
    if (!sameValue(value, decoded)) {
      return headerMismatch(`${binding.header} header value does not match the argument`)
    }
  }
  return undefined
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

function sameValue(value: unknown, header: string): boolean {
  if (typeof value === 'string') return value === header
  if (typeof value === 'boolean') return header === (value ? 'true' : 'false')
  if (typeof value === 'number') return DECIMAL.test(header) && Number(header) === value
  return false
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root
  for (const key of path) {
    if (!isObject(value)) return undefined
    value = value[key]
  }
  return value
}
