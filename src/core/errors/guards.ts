import type { AbortError } from './abort-error.ts'
import type { McpkitError } from './base.ts'
import { hasBrand } from './brand.ts'
import type { ConfigError } from './config-error.ts'
import type { HttpError } from './http-error.ts'
import type { InterceptorError } from './interceptor-error.ts'
import type { ProtocolError } from './protocol-error.ts'
import type { SessionError } from './session-error.ts'
import type { StoreError } from './store-error.ts'
import type { TimeoutError } from './timeout-error.ts'
import type { TransportError } from './transport-error.ts'

// Guards check the cross-copy brand and the literal `name`, never `instanceof`, so an error thrown by
// another copy of mcpkit (a second bundle, a nested node_modules) is still recognised.

/** Whether `value` is any local mcpkit error (not a {@link ProtocolError}). */
export function isMcpkitError(value: unknown): value is McpkitError {
  return hasBrand(value) && (value as { name: unknown }).name !== 'ProtocolError'
}

/** Whether `value` is a {@link TransportError}. */
export const isTransportError = (value: unknown): value is TransportError =>
  hasBrand(value, 'TransportError')

/** Whether `value` is an {@link HttpError}. */
export const isHttpError = (value: unknown): value is HttpError => hasBrand(value, 'HttpError')

/** Whether `value` is a {@link TimeoutError}. */
export const isTimeoutError = (value: unknown): value is TimeoutError =>
  hasBrand(value, 'TimeoutError')

/** Whether `value` is an {@link AbortError}. */
export const isAbortError = (value: unknown): value is AbortError => hasBrand(value, 'AbortError')

/** Whether `value` is a {@link SessionError}. */
export const isSessionError = (value: unknown): value is SessionError =>
  hasBrand(value, 'SessionError')

/** Whether `value` is a {@link StoreError}. */
export const isStoreError = (value: unknown): value is StoreError => hasBrand(value, 'StoreError')

/** Whether `value` is an {@link InterceptorError}. */
export const isInterceptorError = (value: unknown): value is InterceptorError =>
  hasBrand(value, 'InterceptorError')

/** Whether `value` is a {@link ConfigError}. */
export const isConfigError = (value: unknown): value is ConfigError =>
  hasBrand(value, 'ConfigError')

/** Whether `value` is a {@link ProtocolError} (a JSON-RPC error that crossed or will cross the wire). */
export const isProtocolError = (value: unknown): value is ProtocolError =>
  hasBrand(value, 'ProtocolError')
