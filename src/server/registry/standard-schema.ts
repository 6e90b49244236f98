/**
 * Standard Schema (https://standardschema.dev): the vendor-neutral interface zod, Valibot, ArkType
 * and others implement. mcpkit accepts user schemas through it, so it never depends on one library;
 * the interface is declared here, as the spec intends, rather than imported.
 */

import { isPromiseLike } from '../../core/maybe-promise.ts'

/** A validation issue as Standard Schema reports it. */
export interface StandardSchemaIssue {
  readonly message: string
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined
}

/** The outcome of a Standard Schema validation. */
export type StandardSchemaResult<TOutput> =
  | { readonly value: TOutput; readonly issues?: undefined }
  | { readonly issues: readonly StandardSchemaIssue[] }

/** A schema of any Standard Schema library (zod 3.24+, zod 4, Valibot, ArkType, …). */
export interface StandardSchemaV1<TInput = unknown, TOutput = TInput> {
  readonly '~standard': {
    readonly version: 1
    readonly vendor: string
    readonly validate: (
      value: unknown,
    ) => StandardSchemaResult<TOutput> | Promise<StandardSchemaResult<TOutput>>
    readonly types?: { readonly input: TInput; readonly output: TOutput } | undefined
  }
}

/** The type a Standard Schema produces. */
export type InferSchemaOutput<TSchema> =
  TSchema extends StandardSchemaV1<unknown, infer TOutput> ? TOutput : never

/** The outcome of {@link runStandardSchema}. */
export type SchemaCheck =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string }

/** Whether `value` implements Standard Schema (has a `~standard.validate` function). */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false
  const standard = (value as { '~standard'?: { validate?: unknown } })['~standard']
  return (
    typeof standard === 'object' && standard !== null && typeof standard.validate === 'function'
  )
}

/** `a.b[0]: message; …`: the issues as one readable line. */
export function formatStandardIssues(issues: readonly StandardSchemaIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = (issue.path ?? [])
        .map((part) => String(typeof part === 'object' ? part.key : part))
        .join('.')
      return path === '' ? issue.message : `${path}: ${issue.message}`
    })
    .join('; ')
}

/**
 * Validates `value` with any Standard Schema; never throws for bad data. Synchronous when the schema
 * validates synchronously (zod does, without async refinements), a promise otherwise.
 */
export function runStandardSchema(
  schema: StandardSchemaV1,
  value: unknown,
): SchemaCheck | Promise<SchemaCheck> {
  const result = schema['~standard'].validate(value)
  return isPromiseLike(result) ? Promise.resolve(result).then(toCheck) : toCheck(result)
}

function toCheck(result: StandardSchemaResult<unknown>): SchemaCheck {
  if (result.issues === undefined) return { ok: true, value: result.value }
  return { ok: false, message: formatStandardIssues(result.issues) }
}
