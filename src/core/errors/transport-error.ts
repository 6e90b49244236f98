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
