/**
 * Progress tokens: adding one to an outgoing request, reading one from an incoming request, and
 * checking incoming `notifications/progress` params.
 *
 * @internal
 */
import type { JsonRpcParams, ProgressParams, ProgressToken } from './messages.ts'

/**
 * Returns a copy of `params` with `_meta.progressToken` set; the caller's object is never changed.
 *
 * @example
 * withProgressToken({ name: 'slow', _meta: { trace: 'x' } }, 7)
 * // { name: 'slow', _meta: { trace: 'x', progressToken: 7 } }
 */
export function withProgressToken(
  params: JsonRpcParams | undefined,
  token: ProgressToken,
): JsonRpcParams {
  const meta = params?._meta
  const base = typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? meta : undefined
  return { ...params, _meta: { ...base, progressToken: token } }
}

/** The progress token an incoming request carries in `params._meta`, if any. */
export function readProgressToken(params: JsonRpcParams | undefined): ProgressToken | undefined {
  const meta = params?._meta
  if (typeof meta !== 'object' || meta === null) return undefined
  const token = (meta as { progressToken?: unknown }).progressToken
  return isProgressToken(token) ? token : undefined
}

/** Whether incoming progress params are usable: a token and a numeric `progress`. */
export function isProgressParams(
  params: JsonRpcParams | undefined,
): params is JsonRpcParams & ProgressParams {
  if (params === undefined) return false
  return isProgressToken(params.progressToken) && Number.isFinite(params.progress)
}

/** A string, or a finite number (`Number.isFinite` is false for anything that is not a number). */
function isProgressToken(value: unknown): value is ProgressToken {
  return typeof value === 'string' || Number.isFinite(value)
}
