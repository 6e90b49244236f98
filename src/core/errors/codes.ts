/**
 * String codes of local mcpkit errors. They never cross the wire; wire errors are {@link ProtocolError}s
 * with numeric {@link JsonRpcErrorCode}s.
 */
export const ErrorCode = {
  Unknown: 'UNKNOWN',
  Transport: 'TRANSPORT',
  ConnectionClosed: 'CONNECTION_CLOSED',
  MessageTooLarge: 'MESSAGE_TOO_LARGE',
  Http: 'HTTP',
  Timeout: 'TIMEOUT',
  Aborted: 'ABORTED',
  SessionNotFound: 'SESSION_NOT_FOUND',
  SessionExpired: 'SESSION_EXPIRED',
  SessionLimit: 'SESSION_LIMIT',
  Store: 'STORE',
  StoreUnavailable: 'STORE_UNAVAILABLE',
  Interceptor: 'INTERCEPTOR',
  InterceptorBlocked: 'INTERCEPTOR_BLOCKED',
  ConfigInvalid: 'CONFIG_INVALID',
  Protocol: 'PROTOCOL',
} as const

/** One of the {@link ErrorCode} values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

/**
 * Numeric JSON-RPC error codes used by MCP. `-32000…-32019` are the legacy implementation range that SDKs
 * use for session errors; `-32020…-32099` are reserved for the spec.
 */
export const JsonRpcErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** Legacy SDK code: a request without the session id a server requires. */
  BadRequest: -32000,
  /** Legacy SDK code: an unknown or ended session. */
  SessionNotFound: -32001,
  /** Resource not found, up to 2025-11-25 (2026-07-28 uses -32602 with `data.uri`). */
  ResourceNotFound: -32002,
  /** 2026-07-28: an HTTP header is missing, invalid or does not match the body. */
  HeaderMismatch: -32020,
  /** 2026-07-28: the request needs a client capability it did not declare. */
  MissingRequiredClientCapability: -32021,
  /** 2026-07-28: the protocol version is not supported; `data: {supported, requested}`. */
  UnsupportedProtocolVersion: -32022,
  /** 2025-11-25: the server needs the user to complete a URL-mode elicitation first. */
  UrlElicitationRequired: -32042,
} as const

/** One of the {@link JsonRpcErrorCode} values. */
export type JsonRpcErrorCode = (typeof JsonRpcErrorCode)[keyof typeof JsonRpcErrorCode]
