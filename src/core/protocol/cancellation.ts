/**
 * `notifications/cancelled` in both directions: the reason text we send, and reading what the peer sent.
 *
 * @internal
 */
import { isJsonRpcId } from './classify.ts'
import type { CancelledParams, JsonRpcParams } from './messages.ts'

/**
 * The `reason` string for a cancellation: a string reason as is, an error's message, nothing otherwise
 * (the field is optional and must be a string on the wire).
 */
export function cancelReasonText(reason: unknown): string | undefined {
  if (typeof reason === 'string') return reason
  if (typeof reason === 'object' && reason !== null) {
    const message = (reason as { message?: unknown }).message
    if (typeof message === 'string' && message !== '') return message
  }
  return undefined
}

/** Reads `notifications/cancelled` params; `undefined` when `requestId` is missing or not an id. */
export function readCancelParams(params: JsonRpcParams | undefined): CancelledParams | undefined {
  if (params === undefined || !isJsonRpcId(params.requestId)) return undefined
  return params as unknown as CancelledParams
}
