/**
 * Results as each revision wants them. 2026-07-28: every result has `resultType` (`complete` unless
 * the handler needs input), cacheable complete results carry `ttlMs` and `cacheScope`, and results
 * name the server in `_meta["io.modelcontextprotocol/serverInfo"]`. Legacy results get none of it.
 */

import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { JsonRpcErrorCode } from '../../core/errors/codes.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import type { CacheHint } from '../registry/content-types.ts'
import { since } from '../registry/revision-fields.ts'

/** How to shape one result. */
export interface ShapeOptions {
  readonly revision: ProtocolRevision
  /** `{ "io.modelcontextprotocol/serverInfo": … }`, built once per server and shared. */
  readonly serverMeta: Readonly<Record<string, unknown>>
  /** Caching hints, for the cacheable methods. */
  readonly cache: Required<CacheHint> | undefined
}

/**
 * Shapes a result the dispatcher just built for its revision, in place (results are always fresh
 * objects; shaping twice changes nothing).
 */
export function shapeResult(
  result: Record<string, unknown>,
  options: ShapeOptions,
): Record<string, unknown> {
  if (!since(options.revision, '2026-07-28')) return result
  if (typeof result.resultType !== 'string') result.resultType = 'complete'
  if (result.resultType === 'complete' && options.cache !== undefined) {
    result.ttlMs ??= options.cache.ttlMs
    result.cacheScope ??= options.cache.cacheScope
  }
  const meta = result._meta
  if (meta === undefined || meta === options.serverMeta) result._meta = options.serverMeta
  else if (typeof meta === 'object' && meta !== null)
    result._meta = { ...meta, ...options.serverMeta }
  return result
}

/** "Resource not found": `-32002` up to 2025-11-25, `-32602` from 2026-07-28; `data.uri` in both. */
export function resourceNotFound(uri: string, revision: ProtocolRevision): ProtocolError {
  const code = since(revision, '2026-07-28')
    ? JsonRpcErrorCode.InvalidParams
    : JsonRpcErrorCode.ResourceNotFound
  return new ProtocolError(code, `Resource not found: ${uri}`, { data: { uri } })
}

/** A tool error result: the call reached the tool, which failed for the reason given. */
export function toolError(message: string): Record<string, unknown> {
  return { content: [{ type: 'text', text: message }], isError: true }
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
