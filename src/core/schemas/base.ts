/**
 * Building blocks shared by every revision: primitive schemas that never change (ids, tokens, roles,
 * log levels, open objects) and small factories that turn a method name and its params into a
 * {@link TypeDef}. Constants here are built once at import and reused by all five revisions.
 */
import * as z from './kit/index.ts'
import type { Resolver, TypeDef } from './registry.ts'

/** A JSON value, as `JSON.parse` gives it. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue }

/** A loose (open) object: extra properties are kept, as schema.json allows almost everywhere. */
export const obj = (shape: z.Shape): z.ObjectSchema => z.looseObject(shape)

/** `jsonrpc: "2.0"`. */
export const JsonRpcVersionSchema = z.literal('2.0')

/** A JSON-RPC request id: a string or an integer. */
export const RequestIdSchema = z.union([z.string(), z.int()])

/** A progress token: a string or an integer. */
export const ProgressTokenSchema = z.union([z.string(), z.int()])

/** An opaque pagination cursor. */
export const CursorSchema = z.string()

/** The sender or recipient of messages and data in a conversation. */
export const RoleSchema = z.enum(['user', 'assistant'])

/** The syslog severities of RFC 5424, lowest first. */
export const LOGGING_LEVELS = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
] as const

/**
 * Any object, open to every property: `_meta` (`MetaObject`), TypeScript `object` and
 * `{ [key: string]: unknown }` in schema.ts. Arrays and `null` are rejected.
 */
export const OpenObjectSchema = obj({})

/** JSON nesting deeper than this is refused (and a cycle is, too). */
const MAX_JSON_DEPTH = 256

/** Whether `value` is a JSON value: null, a boolean, a finite number, a string, or arrays and objects of them. */
function isJsonValue(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (typeof value !== 'object' || depth >= MAX_JSON_DEPTH) return false
  if (Array.isArray(value)) {
    for (const item of value) if (!isJsonValue(item, depth + 1)) return false
    return true
  }
  for (const key in value) {
    if (
      Object.hasOwn(value, key) &&
      !isJsonValue((value as Record<string, unknown>)[key], depth + 1)
    ) {
      return false
    }
  }
  return true
}

/**
 * Any JSON value (`JSONValue`, 2026-07-28), as one recursive check rather than a recursive union
 * of schemas, which would try every branch at every level.
 */
export const JsonValueSchema: z.Schema<JsonValue> = z.custom<JsonValue>(
  (value) => isJsonValue(value),
  { message: 'expected a JSON value' },
)

/** A JSON object (`JSONObject`, 2026-07-28). */
export const JsonObjectSchema = z.record(z.string(), JsonValueSchema)

/** A `0 ≤ n ≤ 1` priority (annotations, model preferences). */
export const PrioritySchema = z.number().check(z.gte(0), z.lte(1))

/** A list of strings. */
export const StringListSchema = z.array(z.string())

/** An optional string, the commonest member (descriptions, titles, MIME types). */
export const OptionalStringSchema = z.optional(z.string())

/** An optional boolean (hints and flags). */
export const OptionalBooleanSchema = z.optional(z.boolean())

/** An optional safe integer (sizes, counts, bounds). */
export const OptionalIntSchema = z.optional(z.int())

/** `_meta?: { … }`, the open metadata member most types carry. */
export const metaField = { _meta: z.optional(OpenObjectSchema) }

/** `{ listChanged?: boolean }`, a capability that may announce list changes. */
export const ListChangedCapabilitySchema = obj({ listChanged: OptionalBooleanSchema })

/** `_meta` of a request up to 2025-11-25: open, with an optional progress token. */
export const LegacyRequestMetaSchema = obj({ progressToken: z.optional(ProgressTokenSchema) })

/** Params of a request up to 2025-11-25: open, with that `_meta` (`RequestParams` of 2025-11-25). */
export const LegacyRequestParamsSchema = obj({ _meta: z.optional(LegacyRequestMetaSchema) })

/** A type used in a definition: a type name to resolve, or a definition of its own. */
export type Part = string | TypeDef

/** Resolves a {@link Part}. */
export function part(t: Resolver, value: Part): z.Schema {
  return typeof value === 'string' ? t(value) : value(t)
}

/** A definition that returns a constant schema (shared by every revision that uses it). */
export function constant(schema: z.Schema): TypeDef {
  return () => schema
}

/** A definition that is another type under a second name (`interface A extends B {}`). */
export function alias(name: string): TypeDef {
  return (t) => t(name)
}

/** `value`, optional. */
export function optional(value: Part): TypeDef {
  return (t) => z.optional(part(t, value))
}

/** `interface X extends Base { …shape }`. */
export function extend(base: string, shape: (t: Resolver) => z.Shape): TypeDef {
  return (t) => z.extend(t.object(base), shape(t))
}

/**
 * The type as the previous revision defined it, plus `shape`. The previous definition is built
 * again in this revision, so every type it names must still exist here.
 */
export function extendBase(shape: (t: Resolver) => z.Shape): TypeDef {
  return (t) => z.extend(t.base(), shape(t))
}

/** `interface X extends BaseMetadata, Icons { …shape }` (2025-11-25 on). */
export function extendMetadataAndIcons(shape: (t: Resolver) => z.Shape): TypeDef {
  return (t) => z.extend(z.extend(t.object('BaseMetadata'), t.object('Icons').shape), shape(t))
}

/** The type as the previous revision defined it, plus the `icons` of 2025-11-25. */
export const withIcons: TypeDef = extendBase((t) => t.object('Icons').shape)

/** A union of several named types (`A | B | C`), tried in order. */
export function anyOf(names: readonly string[]): TypeDef {
  return (t) => z.union(names.map((name) => t(name)))
}

/** A union of object types told apart by the literal `key` (`type`, `method`, `resultType`). */
export function oneOf(key: string, names: readonly string[]): TypeDef {
  return (t) => {
    const options = names.map((name) => t.object(name))
    return z.discriminatedUnion(key, options as [(typeof options)[number], ...typeof options])
  }
}

/**
 * A 2026-07-28 result that may instead ask for input (`tools/call`, `prompts/get`, `resources/read`):
 * `complete | InputRequiredResult`, told apart by `resultType`.
 */
export function outcome(complete: string): TypeDef {
  return oneOf('resultType', [complete, 'InputRequiredResult'])
}

/**
 * A message that is not a JSON-RPC envelope of its own: `{ method, params }`. Up to 2025-06-18 every
 * `*Request` and `*Notification` type of schema.ts has this shape (they extend `Request`), and so do
 * the 2026-07-28 input requests (`sampling/createMessage`, `roots/list`, `elicitation/create`).
 */
export function message(method: string, params: Part): TypeDef {
  return (t) => obj({ method: z.literal(method), params: part(t, params) })
}

/** A request that extends `JSONRPCRequest` (2025-11-25 on): `{ jsonrpc, id, method, params }`. */
export function rpcRequest(method: string, params: Part): TypeDef {
  return (t) =>
    z.extend(t.object('JSONRPCRequest'), { method: z.literal(method), params: part(t, params) })
}

/** A notification that extends `JSONRPCNotification` (2025-11-25 on): `{ jsonrpc, method, params }`. */
export function rpcNotification(method: string, params: Part): TypeDef {
  return (t) =>
    z.extend(t.object('JSONRPCNotification'), {
      method: z.literal(method),
      params: part(t, params),
    })
}

/** A list request: `PaginatedRequest` with its method fixed (every revision). */
export function paginatedRequest(method: string): TypeDef {
  return (t) => z.extend(t.object('PaginatedRequest'), { method: z.literal(method) })
}

/** A `*ResultResponse` type (2026-07-28): `JSONRPCResultResponse` whose `result` is `result`. */
export function resultResponse(result: Part): TypeDef {
  return (t) => z.extend(t.object('JSONRPCResultResponse'), { result: part(t, result) })
}
