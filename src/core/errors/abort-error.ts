import { McpkitError, type McpkitErrorOptions } from './base.ts'
import { ErrorCode } from './codes.ts'

/** What {@link AbortError} is built from. */
export interface AbortErrorInit extends McpkitErrorOptions {
  /** What was aborted, e.g. the JSON-RPC method. */
  readonly operation: string
  /** The signal's `reason`, if any. */
  readonly reason?: unknown
}

/** An operation was cancelled through an `AbortSignal` or because its owner closed. */
export class AbortError extends McpkitError {
  override readonly name = 'AbortError' as const
  declare readonly operation: string
  declare readonly reason: unknown

  constructor(init: AbortErrorInit) {
    const why = describeReason(init.reason)
    super(ErrorCode.Aborted, `${init.operation} was aborted${why ? `: ${why}` : ''}`, {
      cause: init.cause ?? init.reason,
    })
    this.operation = init.operation
    this.reason = init.reason
  }
}

function describeReason(reason: unknown): string {
  if (reason === undefined) return ''
  if (reason instanceof Error) return reason.message
  return typeof reason === 'string' ? reason : ''
}
