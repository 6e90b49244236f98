/**
 * What each method handler of the dispatcher receives, and helpers they share.
 */
import { isProtocolError } from '../../core/errors/guards.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { schemasFor } from '../../core/schemas/revisions.ts'
import { validateWith } from '../../core/schemas/validate.ts'
import type { Catalog } from '../registry/catalog.ts'
import type { CacheHint } from '../registry/content-types.ts'
import { type CacheableMethod, cacheHintFor } from '../registry/server-options.ts'
import type { RequestStateCodec } from './request-state.ts'
import type { RunnerDeps } from './run-handler.ts'
import type { RequestScope } from './scope.ts'
import { shapeResult } from './shape-result.ts'

/** One request, as a method handler sees it. */
export interface MethodContext {
  readonly catalog: Catalog
  readonly codec: RequestStateCodec
  readonly scope: RequestScope
  /** The params, validated against the revision's schema. */
  readonly params: Readonly<Record<string, unknown>>
}

/** Handles one method; returns the result before revision shaping. */
export type MethodHandler = (
  context: MethodContext,
) => Record<string, unknown> | Promise<Record<string, unknown>>

/** The handler runner's dependencies for this request. */
export function runnerDeps(context: MethodContext): RunnerDeps {
  return {
    codec: context.codec,
    maxInputRounds: context.catalog.options.maxInputRounds,
    logging: context.catalog.features().logging,
  }
}

/** `result` shaped for the request's revision, with the caching hints of `method` when cacheable. */
export function shapeFor(
  context: MethodContext,
  result: Record<string, unknown>,
  cache?: { readonly method: CacheableMethod; readonly item?: CacheHint | undefined },
): Record<string, unknown> {
  const { catalog, scope } = context
  return shapeResult(result, {
    revision: scope.revision,
    serverMeta: catalog.serverMeta(),
    cache:
      cache === undefined ? undefined : cacheHintFor(catalog.options, cache.method, cache.item),
  })
}

/** Why `result` is not a valid result of `method` in the request's revision, if it is not. */
export function invalidResult(
  context: MethodContext,
  method: string,
  result: Readonly<Record<string, unknown>>,
): string | undefined {
  const schema = schemasFor(context.scope.revision).methods[method]?.result
  if (schema === undefined) return `${method} has no result schema`
  const checked = validateWith(schema, result)
  return checked.ok ? undefined : checked.message
}

/**
 * A handler failure as a JSON-RPC error: `ProtocolError`s pass through (the handler chose them),
 * anything else is reported to `onError` and answered `-32603` without its message.
 */
export function asProtocolError(
  context: MethodContext,
  method: string,
  error: unknown,
): ProtocolError {
  if (isProtocolError(error)) return error
  context.catalog.report(error, { phase: 'handler', method })
  return ProtocolError.internal('Internal error', error)
}
