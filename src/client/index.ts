/**
 * @module
 * Client entry: connect to MCP servers from browsers, workers and Node. The full client (era
 * negotiation, Streamable HTTP with SSE reconnection, MRTR, the pool) builds on the pieces exported
 * here; every export is public API.
 *
 * @example
 * import { classifyProbeResponse } from 'mcpkit/client'
 *
 * const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(discover) })
 * const body = await response.json().catch(() => undefined)
 * const outcome = classifyProbeResponse({ status: response.status, body })
 * if (outcome.era === 'legacy') {
 *   // fall back to initialize
 * }
 */
export {
  classifyProbeResponse,
  type ProbeClassification,
  type ProbeResponse,
} from '../core/eras/detect.ts'
export {
  acceptLegacyOffer,
  type LegacyVersionOptions,
  type PickVersionOptions,
  pickProtocolVersion,
  readSupportedVersions,
} from '../core/eras/negotiate.ts'
export type {
  CallOptions,
  ClientSession,
  CompleteParams,
  ListenOptions,
  McpClient,
  PageParams,
  ServerNotification,
} from './client-api.ts'
export type {
  ClientEvent,
  ClientRequestOutcome,
  ClientTransportKind,
  NegotiationSource,
  RetryReason,
} from './client-events.ts'
export type {
  ClientOptions,
  HttpSseConnector,
  HttpTransportFactory,
  HttpTransportSettings,
} from './client-options.ts'
export {
  createEraCache,
  type EraCache,
  type EraCacheOptions,
  type EraOutcome,
  endpointKey,
  sharedEraCache,
} from './era-cache.ts'
export type {
  CreateMessageParams,
  CreateMessageResult,
  ElicitationHandler,
  ElicitRequestParams,
  ElicitResult,
  InputContext,
  InputHandlers,
  Root,
  RootsHandler,
  SamplingHandler,
  SamplingMessage,
} from './input-types.ts'
export { createClient } from './mcp-client.ts'
export { collectAll, paginate } from './pagination.ts'
export {
  type ClientPool,
  type ClientPoolOptions,
  createClientPool,
  type PoolEvent,
  type PooledClient,
  type PoolStats,
} from './pool.ts'
export type {
  Annotations,
  CacheHints,
  CallToolResult,
  CompleteResult,
  ContentBlock,
  DiscoverResult,
  GetPromptResult,
  Implementation,
  InitializeResult,
  JsonObject,
  ListPromptsResult,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ListToolsResult,
  Meta,
  Page,
  Prompt,
  PromptArgument,
  PromptMessage,
  ReadResourceResult,
  Resource,
  ResourceContents,
  ResourceTemplate,
  ResultBase,
  ServerCapabilities,
  Tool,
} from './result-types.ts'
export {
  isSchemaValidationError,
  SchemaValidationError,
  type SchemaValidationErrorInit,
} from './schema-validation-error.ts'
export type { ListenFilter, Subscription, SubscriptionEnd } from './subscription.ts'
