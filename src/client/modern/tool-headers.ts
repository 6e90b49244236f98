/**
 * `x-mcp-header` annotations in a tool's `inputSchema` (SEP-2243): which arguments a `tools/call`
 * mirrors into `Mcp-Param-*` headers, and whether the annotations are valid at all. A tool with an
 * invalid annotation MUST be dropped from `tools/list`.
 */
import { encodeHeaderValue, headerText } from './header-value.ts'

/** One mirrored argument: the header name and the `properties` path to the value. */
export interface ParamBinding {
  /** `Mcp-Param-<name>`. */
  readonly header: string
  readonly path: readonly string[]
}

/** The outcome of checking a tool's annotations. */
export type ToolHeaderCheck =
  | { readonly ok: true; readonly bindings: readonly ParamBinding[] }
  | { readonly ok: false; readonly reason: string }

const ANNOTATION = 'x-mcp-header'
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const PRIMITIVES = new Set(['string', 'integer', 'boolean'])
// Keywords whose values are data, not subschemas: an `x-mcp-header` key inside them is just data.
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples'])
const MAX_DEPTH = 64

interface Walk {
  readonly bindings: ParamBinding[]
  readonly seen: Set<string>
}

class InvalidAnnotation extends Error {}

/**
 * Checks every `x-mcp-header` in `inputSchema`. Valid annotations are non-empty HTTP tokens,
 * case-insensitively unique, on `string`/`integer`/`boolean` properties reached from the root
 * through `properties` alone; one anywhere else (under `items`, `oneOf`, `if`, `$defs`, …) makes the
 * whole tool invalid.
 *
 * @example
 * checkToolHeaders({ type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } })
 * // { ok: true, bindings: [{ header: 'Mcp-Param-Region', path: ['region'] }] }
 */
export function checkToolHeaders(inputSchema: unknown): ToolHeaderCheck {
  const walk: Walk = { bindings: [], seen: new Set() }
  try {
    visit(inputSchema, { walk, path: [], reachable: false, depth: 0 })
  } catch (error) {
    if (error instanceof InvalidAnnotation) return { ok: false, reason: error.message }
    throw error
  }
  return { ok: true, bindings: walk.bindings }
}

/**
 * The `Mcp-Param-*` headers for one call's arguments. Absent and `null` values send no header.
 *
 * @example
 * paramHeaders(bindings, { region: 'us-west1', verbose: null }) // { 'Mcp-Param-Region': 'us-west1' }
 */
export function paramHeaders(
  bindings: readonly ParamBinding[],
  args: unknown,
): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const binding of bindings) {
    const text = headerText(valueAt(args, binding.path))
    if (text !== undefined) headers[binding.header] = encodeHeaderValue(text)
  }
  return headers
}

interface Position {
  readonly walk: Walk
  readonly path: readonly string[]
  /** Reached from the root through `properties` only (the root itself is not a property). */
  readonly reachable: boolean
  readonly depth: number
}

/** Walks objects and arrays alike: an array's items are never reachable through `properties`. */
function visit(node: unknown, at: Position): void {
  if (typeof node !== 'object' || node === null) return
  if (at.depth > MAX_DEPTH) throw new InvalidAnnotation('the input schema is nested too deeply')
  const schema = node as Readonly<Record<string, unknown>>
  if (ANNOTATION in schema) annotate(schema, at)
  for (const [key, value] of Object.entries(schema)) {
    if (key === ANNOTATION || DATA_KEYWORDS.has(key)) continue
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      const parentReachable = at.reachable || at.depth === 0
      for (const [name, property] of Object.entries(value)) {
        visit(property, {
          ...at,
          path: [...at.path, name],
          reachable: parentReachable,
          depth: at.depth + 1,
        })
      }
      continue
    }
    visit(value, { ...at, reachable: false, depth: at.depth + 1 })
  }
}

function annotate(schema: Readonly<Record<string, unknown>>, at: Position): void {
  const name = schema[ANNOTATION]
  const where = at.path.length === 0 ? 'the schema root' : `"${at.path.join('.')}"`
  if (!at.reachable) {
    throw new InvalidAnnotation(`${ANNOTATION} on ${where} is not reachable through properties`)
  }
  if (typeof name !== 'string' || name === '') {
    throw new InvalidAnnotation(`${ANNOTATION} on ${where} is empty or not a string`)
  }
  if (!TOKEN.test(name)) {
    throw new InvalidAnnotation(`${ANNOTATION} "${name}" on ${where} is not an HTTP token`)
  }
  if (!isPrimitive(schema)) {
    throw new InvalidAnnotation(
      `${ANNOTATION} "${name}" on ${where} is not on a string, integer or boolean property`,
    )
  }
  const folded = name.toLowerCase()
  if (at.walk.seen.has(folded)) {
    throw new InvalidAnnotation(`${ANNOTATION} "${name}" is used more than once`)
  }
  at.walk.seen.add(folded)
  at.walk.bindings.push({ header: `Mcp-Param-${name}`, path: at.path })
}

function isPrimitive(schema: Readonly<Record<string, unknown>>): boolean {
  const type = schema.type
  if (typeof type === 'string') return PRIMITIVES.has(type)
  if (Array.isArray(type)) {
    return type.length > 0 && type.every((t) => typeof t === 'string' && PRIMITIVES.has(t))
  }
  // Without `type`, a fixed set of primitive values still qualifies.
  const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : []
  return values.length > 0 && values.every(isPrimitiveValue)
}

function isPrimitiveValue(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value)
  return typeof value === 'string' || typeof value === 'boolean'
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
    if (!Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}
