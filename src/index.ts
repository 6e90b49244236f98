/**
 * @module
 * mcpkit's neutral root: the error family, protocol revisions, the validated configuration, the
 * `Connection` every transport implements, the transport-independent JSON-RPC engine, typed events and
 * message validation. Runs unchanged in browsers, workers, edge runtimes and Node.
 * Every export here is public API; add names deliberately.
 *
 * @example
 * import { createInMemoryPair, createJsonRpcEngine, ProtocolError } from 'mcpkit'
 *
 * const [left, right] = createInMemoryPair()
 * createJsonRpcEngine({
 *   connection: right,
 *   onRequest: async ({ method }) => {
 *     if (method === 'ping') return {}
 *     throw ProtocolError.methodNotFound(method)
 *   },
 * })
 * const client = createJsonRpcEngine({ connection: left })
 * await client.request('ping') // {}
 */

export {
  type ClientConfig,
  type ClientConfigInput,
  CONFIG_ENV_VARS,
  type Config,
  type ConfigEnv,
  type ConfigEnvVar,
  type ConfigInput,
  createConfig,
  type InterceptorConfig,
  type InterceptorConfigInput,
  type InterceptorErrorPolicy,
  MAX_TIMER_MS,
  type PoolConfig,
  type PoolConfigInput,
  type ReconnectConfig,
  type ReconnectConfigInput,
  resolveClientConfig,
  resolveInterceptorConfig,
  resolvePoolConfig,
  resolveServerConfig,
  resolveSessionConfig,
  type ServerConfig,
  type ServerConfigInput,
  type SessionConfig,
  type SessionConfigInput,
  type SessionEventsConfig,
  type SessionEventsConfigInput,
  withEnvOverrides,
} from './core/config/index.ts'
export {
  type Connection,
  type ConnectionDriver,
  type ConnectionSource,
  createConnection,
  type InboundFrame,
  type SendOptions,
} from './core/connection.ts'
export { defaultEnvironment, type Environment } from './core/environment.ts'
export {
  eraOf,
  isLegacyRevision,
  isModernRevision,
  isProtocolRevision,
  LATEST_LEGACY_REVISION,
  LATEST_REVISION,
  LEGACY_REVISIONS,
  type LegacyRevision,
  MODERN_REVISIONS,
  type ModernRevision,
  PROTOCOL_REVISIONS,
  type ProtocolEra,
  type ProtocolRevision,
  revisionRules,
} from './core/eras/versions.ts'
export {
  AbortError,
  type AbortErrorInit,
  ConfigError,
  type ConfigErrorInit,
  ErrorCode,
  HttpError,
  type HttpErrorInit,
  InterceptorError,
  type InterceptorErrorInit,
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
  JsonRpcErrorCode,
  type JsonRpcErrorObject,
  McpkitError,
  type McpkitErrorOptions,
  ProtocolError,
  SessionError,
  type SessionErrorCode,
  type SessionErrorInit,
  StoreError,
  type StoreErrorInit,
  TimeoutError,
  type TimeoutErrorInit,
  TransportError,
  type TransportErrorCode,
  type TransportErrorOptions,
} from './core/errors/index.ts'
export { toMcpkitError } from './core/errors/to-mcpkit-error.ts'
export {
  type DropReason,
  type EngineEvent,
  type EngineEventType,
  type InvalidReason,
  type Listener,
  type ReadonlySubscribable,
  type RequestDirection,
  type RequestOutcome,
  Subscribable,
  type SubscribableOptions,
} from './core/events/index.ts'
export {
  createStreamConnection,
  encodeLine,
  LineDecoder,
  type LineDecoderOptions,
  type StreamConnectionOptions,
} from './core/framing/index.ts'
export { createInMemoryPair, type InMemoryPairOptions } from './core/in-memory.ts'
export {
  CANCELLED_METHOD,
  type CancelledParams,
  classifyMessage,
  createJsonRpcEngine,
  DEFAULT_MAX_MESSAGE_BYTES,
  describeInvalid,
  errorResponse,
  type InFlightCounts,
  isJsonRpcId,
  JSONRPC_VERSION,
  type JsonRpcEngine,
  type JsonRpcEngineOptions,
  type JsonRpcErrorResponse,
  type JsonRpcId,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcParams,
  type JsonRpcRequest,
  type JsonRpcResponse,
  type JsonRpcResultResponse,
  type MessageKind,
  type NotificationHandler,
  type NotifyOptions,
  type OutboundMessage,
  PROGRESS_METHOD,
  type Progress,
  type ProgressParams,
  type ProgressToken,
  type RequestContext,
  type RequestHandler,
  type RequestOptions,
  resultResponse,
  toWireError,
} from './core/protocol/index.ts'
export { type SchemaIssue, type ValidationResult, validate } from './core/schemas/index.ts'
export {
  BAGGAGE_META_KEY,
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  LOG_LEVEL_META_KEY,
  META_KEYS,
  type MetaKey,
  PROGRESS_TOKEN_META_KEY,
  PROTOCOL_VERSION_META_KEY,
  SERVER_INFO_META_KEY,
  SUBSCRIPTION_ID_META_KEY,
  TRACEPARENT_META_KEY,
  TRACESTATE_META_KEY,
} from './core/schemas/meta-keys.ts'
