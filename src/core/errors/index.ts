/**
 * @module
 * The error family: {@link McpkitError} and its subclasses for local failures (string codes), and
 * {@link ProtocolError} for JSON-RPC errors that cross the wire (numeric codes).
 */
export { AbortError, type AbortErrorInit } from './abort-error.ts'
export { McpkitError, type McpkitErrorOptions } from './base.ts'
export { ErrorCode, JsonRpcErrorCode } from './codes.ts'
export { ConfigError, type ConfigErrorInit } from './config-error.ts'
export {
  isAbortError,
  isConfigError,
  isHttpError,
  isInterceptorError,
  isMcpkitError,
  isProtocolError,
  isSessionError,
  isStoreError,
  isTimeoutError,
  isTransportError,
} from './guards.ts'
export { HttpError, type HttpErrorInit } from './http-error.ts'
export { InterceptorError, type InterceptorErrorInit } from './interceptor-error.ts'
export { type JsonRpcErrorObject, ProtocolError } from './protocol-error.ts'
export { SessionError, type SessionErrorCode, type SessionErrorInit } from './session-error.ts'
export { StoreError, type StoreErrorInit } from './store-error.ts'
export { TimeoutError, type TimeoutErrorInit } from './timeout-error.ts'
export {
  TransportError,
  type TransportErrorCode,
  type TransportErrorOptions,
} from './transport-error.ts'
