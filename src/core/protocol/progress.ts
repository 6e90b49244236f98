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
  if (typeof token === 'string') return token
  return typeof token === 'number' && Number.isFinite(token) ? token : undefined
}

/** Whether incoming progress params are usable: a token and a numeric `progress`. */
export function isProgressParams(
  params: JsonRpcParams | undefined,
): params is JsonRpcParams & ProgressParams {
  if (params === undefined) return false
  const token = params.progressToken
  const tokenOk = typeof token === 'string' || (typeof token === 'number' && Number.isFinite(token))
  return tokenOk && typeof params.progress === 'number' && Number.isFinite(params.progress)
}
