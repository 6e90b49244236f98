import { McpkitError, type McpkitErrorOptions } from './base.ts'
import { ErrorCode } from './codes.ts'

/** What {@link TimeoutError} is built from. */
export interface TimeoutErrorInit extends McpkitErrorOptions {
  /** What timed out, e.g. the JSON-RPC method or `connect`. */
  readonly operation: string
  /** The limit that was exceeded. */
  readonly timeoutMs: number
  /**
   * `idle`: no response or progress within the per-request timeout; `total`: the hard maximum passed
   * even though progress kept arriving.
   */
  readonly kind?: 'idle' | 'total'
}

/** An operation did not finish within its time limit. */
export class TimeoutError extends McpkitError {
  override readonly name = 'TimeoutError' as const
  declare readonly operation: string
  declare readonly timeoutMs: number
  declare readonly kind: 'idle' | 'total'

  constructor(init: TimeoutErrorInit) {
    const kind = init.kind ?? 'idle'
    const limit =
      kind === 'total' ? `its maximum total time of ${init.timeoutMs} ms` : `${init.timeoutMs} ms`
    super(ErrorCode.Timeout, `${init.operation} timed out after ${limit}`, init)
    this.operation = init.operation
    this.timeoutMs = init.timeoutMs
    this.kind = kind
  }
}
