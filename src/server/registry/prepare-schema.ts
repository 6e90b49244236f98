/**
 * Turns the schemas authors register (a Standard Schema such as zod, or raw JSON Schema) into what
 * the server needs at request time: the JSON Schema to advertise and a validator. Both are prepared
 * once, at registration, so a call never converts or compiles a schema.
 */
import * as z from 'zod'
import { ConfigError } from '../../core/errors/config-error.ts'
import type { Issue } from '../../core/schemas/kit/index.ts'
import { failure } from '../../core/schemas/validate.ts'
import {
  isStandardSchema,
  runStandardSchema,
  type SchemaCheck,
  type StandardSchemaV1,
} from './standard-schema.ts'

/** A JSON Schema object, advertised exactly as given. */
export type JsonSchema = Readonly<Record<string, unknown>>

/** A schema ready for requests. */
export interface PreparedSchema {
  /** The JSON Schema clients see in `tools/list`. */
  readonly json: JsonSchema
  /**
   * Validates a value; `undefined` when mcpkit cannot validate the schema itself (raw JSON Schema
   * using keywords zod cannot express, such as `if`/`then`/`else`): the handler then validates.
   */
  readonly check: ((value: unknown) => SchemaCheck | Promise<SchemaCheck>) | undefined
}

/** What {@link prepareSchema} needs. */
export interface PrepareSchemaInput {
  /** A Standard Schema or a raw JSON Schema object. */
  readonly schema: StandardSchemaV1 | JsonSchema
  /** The JSON Schema to advertise for a Standard Schema that is not zod 4 (or to override zod's). */
  readonly json: JsonSchema | undefined
  /** Input schemas describe what the schema accepts; output schemas what it produces. */
  readonly io: 'input' | 'output'
  /** The option path, for error messages (e.g. `tools.search.inputSchema`). */
  readonly option: string
}

/** Whether `schema` is a zod 4 schema, which `z.toJSONSchema` can convert. */
function isZod4(schema: StandardSchemaV1): schema is StandardSchemaV1 & z.ZodType {
  return schema['~standard'].vendor === 'zod' && '_zod' in schema
}

/** The JSON Schema of a zod 4 schema (2020-12 dialect). */
function zodJson(schema: z.ZodType, input: PrepareSchemaInput): JsonSchema {
  try {
    return z.toJSONSchema(schema, {
      io: input.io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
    }) as JsonSchema
  } catch (cause) {
    throw new ConfigError({
      option: input.option,
      value: schema,
      message: `${input.option}: zod could not convert the schema to JSON Schema; pass the JSON Schema explicitly`,
      cause,
    })
  }
}

/** Compiles raw JSON Schema into a validator once; `undefined` when zod cannot express it. */
function compileJson(json: JsonSchema): PreparedSchema['check'] {
  let compiled: z.ZodType
  try {
    // Local `$ref`s only: zod refuses external ones, so nothing is ever fetched.
    compiled = z.fromJSONSchema(json as Parameters<typeof z.fromJSONSchema>[0])
  } catch {
    return undefined
  }
  return (value) => {
    const result = z.safeParse(compiled, value, { reportInput: true })
    if (result.success) return { ok: true, value }
    // zod's issues have the kit's shape, so they read like the protocol's own failures.
    return { ok: false, message: failure(result.error.issues as readonly Issue[]).message }
  }
}

/** A deep copy that cannot change behind the server's back. */
function frozenCopy(json: JsonSchema): JsonSchema {
  const freeze = (value: unknown): unknown => {
    if (typeof value === 'object' && value !== null) {
      for (const child of Object.values(value)) freeze(child)
      Object.freeze(value)
    }
    return value
  }
  return freeze(structuredClone(json)) as JsonSchema
}

/**
 * Prepares a registered schema.
 * - zod 4: validated with zod, advertised as `z.toJSONSchema` output (or `json` when given).
 * - another Standard Schema: validated through `~standard.validate`; `json` is required.
 * - raw JSON Schema: advertised verbatim (no keyword is rewritten, `$ref`s are never fetched) and
 *   validated with a zod schema compiled from it when zod can express it.
 */
export function prepareSchema(input: PrepareSchemaInput): PreparedSchema {
  const { schema } = input
  if (isStandardSchema(schema)) {
    const explicit = input.json === undefined ? undefined : frozenCopy(input.json)
    const json = explicit ?? (isZod4(schema) ? frozenCopy(zodJson(schema, input)) : undefined)
    if (json === undefined) {
      throw new ConfigError({
        option: input.option,
        value: schema,
        message: `${input.option}: a ${schema['~standard'].vendor} schema needs its JSON Schema as well (only zod 4 schemas are converted)`,
      })
    }
    return { json, check: (value) => runStandardSchema(schema, value) }
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new ConfigError({
      option: input.option,
      value: schema,
      message: `${input.option} must be a Standard Schema or a JSON Schema object`,
    })
  }
  const json = frozenCopy(schema)
  return { json, check: compileJson(json) }
}
