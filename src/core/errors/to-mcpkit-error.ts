import { AbortError } from './abort-error.ts'
import { McpkitError } from './base.ts'
import { ErrorCode } from './codes.ts'
import { isMcpkitError, isProtocolError } from './guards.ts'
import type { ProtocolError } from './protocol-error.ts'
import { TimeoutError } from './timeout-error.ts'
import { TransportError } from './transport-error.ts'

/**
 * Turns anything thrown into an mcpkit error, keeping the original as `cause`. mcpkit errors and
 * {@link ProtocolError}s pass through unchanged; `AbortSignal` reasons become {@link AbortError} or
 * {@link TimeoutError}; a `fetch` network failure becomes a {@link TransportError}.
 *
 * @param operation what was being done, used in messages (e.g. the JSON-RPC method)
 */
export function toMcpkitError(
  error: unknown,
  operation = 'operation',
): McpkitError | ProtocolError {
  if (isMcpkitError(error) || isProtocolError(error)) return error
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'AbortError' || name === 'TimeoutError') return abortReasonError(error, operation)
  if (error instanceof TypeError) {
    return new TransportError(`${operation} failed: ${error.message}`, { cause: error })
  }
  const message = error instanceof Error ? error.message : String(error)
  return new McpkitError(ErrorCode.Unknown, `${operation} failed: ${message}`, { cause: error })
}

/**
 * The typed error for an abort reason (a signal's `reason`, or a thrown `AbortError`): an mcpkit
 * error as it is (a caller's `TimeoutError`, a transport's own `CONNECTION_CLOSED`), anything named
 * `TimeoutError` (what `AbortSignal.timeout` aborts with) as a {@link TimeoutError}, and everything
 * else as an {@link AbortError} carrying the reason.
 *
 * @internal
 */
export function abortReasonError(reason: unknown, operation: string): McpkitError {
  if (isMcpkitError(reason)) return reason
  if ((reason as { name?: unknown } | null)?.name === 'TimeoutError') {
    return new TimeoutError({ operation, timeoutMs: 0, cause: reason })
  }
  return new AbortError({ operation, reason })
}
