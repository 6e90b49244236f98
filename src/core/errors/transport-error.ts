import { McpkitError, type McpkitErrorOptions } from './base.ts'
import { ErrorCode } from './codes.ts'

/** Codes a {@link TransportError} may carry. */
export type TransportErrorCode =
  | typeof ErrorCode.Transport
  | typeof ErrorCode.ConnectionClosed
  | typeof ErrorCode.MessageTooLarge

/** Options of {@link TransportError}. */
export interface TransportErrorOptions extends McpkitErrorOptions {
  /** @default 'TRANSPORT' */
  readonly code?: TransportErrorCode
}

/**
 * A connection or transport failed: the peer went away, a stream broke, a frame could not be sent or
 * exceeded the size limit.
 */
export class TransportError extends McpkitError {
  override readonly name = 'TransportError' as const
  declare readonly code: TransportErrorCode

  constructor(message: string, options: TransportErrorOptions = {}) {
    super(options.code ?? ErrorCode.Transport, message, options)
  }
}

/**
 * A `CONNECTION_CLOSED` {@link TransportError}. `cause` becomes the error's `cause` only when there
 * is one, so an orderly close carries no `cause` property at all.
 *
 * @internal
 */
export function connectionClosedError(message: string, cause?: unknown): TransportError {
  const code = ErrorCode.ConnectionClosed
  return new TransportError(message, cause === undefined ? { code } : { code, cause })
}
