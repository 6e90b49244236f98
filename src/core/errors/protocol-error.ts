import { ERROR_BRAND } from './brand.ts'
import { JsonRpcErrorCode } from './codes.ts'

/** The `error` member of a JSON-RPC error response. */
export interface JsonRpcErrorObject {
  readonly code: number
  readonly message: string
  readonly data?: unknown
}

/**
 * A JSON-RPC error that crosses the wire: thrown by a client when the peer answered with an error,
 * and thrown by handlers to make the server answer with that error. Unlike the local
 * {@link McpkitError} family it carries a numeric code.
 *
 * @example
 * server.tool('lookup', async ({ id }) => {
 *   if (!known(id)) throw ProtocolError.invalidParams(`unknown id ${id}`)
 * })
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError' as const
  /** The numeric JSON-RPC error code. */
  declare readonly code: number
  /** The error's `data`, as sent or received. */
  declare readonly data: unknown

  constructor(code: number, message: string, options: { data?: unknown; cause?: unknown } = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined)
    this.code = code
    this.data = options.data
  }

  /** Marks the error as mcpkit's, across package copies. */
  get [ERROR_BRAND](): true {
    return true
  }

  /** The JSON-RPC `error` object to send. */
  toJsonRpc(): JsonRpcErrorObject {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data }
  }

  /** Rebuilds the error a peer sent. */
  static fromJsonRpc(error: JsonRpcErrorObject): ProtocolError {
    return new ProtocolError(error.code, error.message, { data: error.data })
  }

  /** `-32700`: the message was not valid JSON. */
  static parseError(message = 'Parse error'): ProtocolError {
    return new ProtocolError(JsonRpcErrorCode.ParseError, message)
  }

  /** `-32600`: the message is not a valid JSON-RPC request. */
  static invalidRequest(message = 'Invalid Request', data?: unknown): ProtocolError {
    return new ProtocolError(JsonRpcErrorCode.InvalidRequest, message, { data })
  }

  /** `-32601`: no such method. */
  static methodNotFound(method: string): ProtocolError {
    return new ProtocolError(JsonRpcErrorCode.MethodNotFound, `Method not found: ${method}`)
  }

  /** `-32602`: the params are invalid. */
  static invalidParams(message: string, data?: unknown): ProtocolError {
    return new ProtocolError(JsonRpcErrorCode.InvalidParams, message, { data })
  }

  /** `-32603`: the server failed; never used for a client's fault. */
  static internal(message = 'Internal error', cause?: unknown): ProtocolError {
    return new ProtocolError(JsonRpcErrorCode.InternalError, message, { cause })
  }
}
