/**
 * `_meta` key names reserved by MCP. The `io.modelcontextprotocol/` keys are the per-request and
 * per-result protocol fields of the stateless revision `2026-07-28`; `progressToken` exists in every
 * revision; the OpenTelemetry keys are the one exception to the prefix rule (2026-07-28, SEP-414).
 */

/** `_meta` of a request: the caller wants `notifications/progress` under this token (all revisions). */
export const PROGRESS_TOKEN_META_KEY = 'progressToken'

/** `_meta` of every 2026-07-28 request (required): the protocol version of this request. */
export const PROTOCOL_VERSION_META_KEY = 'io.modelcontextprotocol/protocolVersion'

/** `_meta` of every 2026-07-28 request (required): the client capabilities this request may use. */
export const CLIENT_CAPABILITIES_META_KEY = 'io.modelcontextprotocol/clientCapabilities'

/** `_meta` of a 2026-07-28 request (SHOULD): the client's `Implementation` (name, version, …). */
export const CLIENT_INFO_META_KEY = 'io.modelcontextprotocol/clientInfo'

/**
 * `_meta` of a 2026-07-28 request (optional): the lowest log level the server may emit for it. Without
 * it the server sends no `notifications/message` for the request. Replaces `logging/setLevel`.
 */
export const LOG_LEVEL_META_KEY = 'io.modelcontextprotocol/logLevel'

/** `_meta` of a 2026-07-28 result (SHOULD): the server's `Implementation`. */
export const SERVER_INFO_META_KEY = 'io.modelcontextprotocol/serverInfo'

/**
 * `_meta` of a notification on a `subscriptions/listen` stream (MUST there) and of the listen result:
 * the id of the listen request it belongs to.
 */
export const SUBSCRIPTION_ID_META_KEY = 'io.modelcontextprotocol/subscriptionId'

/** OpenTelemetry trace context (W3C Trace Context `traceparent` header value). */
export const TRACEPARENT_META_KEY = 'traceparent'

/** OpenTelemetry trace context (W3C Trace Context `tracestate` header value). */
export const TRACESTATE_META_KEY = 'tracestate'

/** OpenTelemetry baggage (W3C Baggage header value). */
export const BAGGAGE_META_KEY = 'baggage'

/** The reserved `_meta` keys of 2026-07-28, by role. */
export const META_KEYS = {
  progressToken: PROGRESS_TOKEN_META_KEY,
  protocolVersion: PROTOCOL_VERSION_META_KEY,
  clientCapabilities: CLIENT_CAPABILITIES_META_KEY,
  clientInfo: CLIENT_INFO_META_KEY,
  logLevel: LOG_LEVEL_META_KEY,
  serverInfo: SERVER_INFO_META_KEY,
  subscriptionId: SUBSCRIPTION_ID_META_KEY,
  traceparent: TRACEPARENT_META_KEY,
  tracestate: TRACESTATE_META_KEY,
  baggage: BAGGAGE_META_KEY,
} as const

/** One of the reserved `_meta` key names. */
export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS]
