/**
 * @module
 * The server definition: register tools, resources, resource templates, prompts and completions
 * once, and serve them to every session and transport in both protocol eras.
 */

export type {
  ChannelRequestOptions,
  NotificationScope,
  RequestChannel,
  RequestScope,
  SessionHandle,
} from '../dispatch/scope.ts'
export type { CapabilityOptions } from './capabilities.ts'
export type { ServerDescription } from './catalog.ts'
export type {
  Annotations,
  AudioContent,
  BlobResourceContents,
  CacheHint,
  CacheScope,
  CompletionValues,
  ContentBlock,
  ElicitParams,
  ElicitResult,
  EmbeddedResource,
  Icon,
  ImageContent,
  JsonObject,
  ListRootsResult,
  LoggingLevel,
  MetaObject,
  PromptMessage,
  PromptResult,
  ReadResult,
  ResourceContents,
  ResourceContentsInput,
  ResourceLink,
  Root,
  SampleParams,
  SampleResult,
  SamplingMessage,
  TextContent,
  TextResourceContents,
  ToolResult,
} from './content-types.ts'
export type { InputOptions, RequestContext } from './context-types.ts'
export type {
  Completer,
  CompleterContext,
  CompletionHandler,
  CompletionRequest,
  PromptArgumentDefinition,
  PromptDefinition,
  PromptHandler,
  RegisteredItem,
  RegisteredPrompt,
  RegisteredResource,
  RegisteredResourceTemplate,
  RegisteredTool,
  ResourceDefinition,
  ResourceReader,
  ResourceReadRequest,
  ResourceTemplateDefinition,
  ToolAnnotations,
  ToolArguments,
  ToolDefinition,
  ToolHandler,
  ToolSchema,
} from './definition-types.ts'
export type { ListKind, ServerNotifier } from './notifier-hub.ts'
export type { JsonSchema } from './prepare-schema.ts'
export type {
  CacheableMethod,
  CacheOptions,
  ServerErrorContext,
  ServerOptions,
} from './server-options.ts'
export { ServerRegistry, type SubscriptionFilter } from './server-registry.ts'
export type {
  InferSchemaOutput,
  StandardSchemaIssue,
  StandardSchemaResult,
  StandardSchemaV1,
} from './standard-schema.ts'
export { UriTemplate } from './uri-template.ts'
