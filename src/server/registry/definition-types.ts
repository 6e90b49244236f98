/**
 * How authors describe tools, resources, resource templates and prompts to the registry.
 */

import type { MaybePromise } from '../../core/maybe-promise.ts'
import type {
  Annotations,
  CacheHint,
  CompletionValues,
  Icon,
  MetaObject,
  PromptResult,
  ReadResult,
  ToolResult,
} from './content-types.ts'
import type { RequestContext } from './context-types.ts'
import type { JsonSchema } from './prepare-schema.ts'
import type { InferSchemaOutput, StandardSchemaV1 } from './standard-schema.ts'

/** Behaviour hints of a tool (2025-03-26 on). */
export interface ToolAnnotations {
  readonly title?: string
  readonly readOnlyHint?: boolean
  readonly destructiveHint?: boolean
  readonly idempotentHint?: boolean
  readonly openWorldHint?: boolean
}

/** A tool's input or output schema: a Standard Schema (such as zod) or raw JSON Schema. */
export type ToolSchema = StandardSchemaV1 | JsonSchema

/** The arguments a tool handler receives for an input schema. */
export type ToolArguments<TSchema> = TSchema extends StandardSchemaV1
  ? InferSchemaOutput<TSchema>
  : Record<string, unknown>

/** A tool as registered. */
export interface ToolDefinition<TInput extends ToolSchema = ToolSchema> {
  readonly title?: string
  readonly description?: string
  /**
   * Validates `arguments`. A zod 4 schema is advertised as its JSON Schema; another Standard Schema
   * needs {@link ToolDefinition.inputJsonSchema}; raw JSON Schema is advertised verbatim and must
   * have `type: "object"`. Without it the tool takes any object.
   */
  readonly inputSchema?: TInput
  /** The JSON Schema to advertise when `inputSchema` is a Standard Schema that is not zod 4. */
  readonly inputJsonSchema?: JsonSchema
  /** Checks `structuredContent`; a tool with one must return matching `structuredContent`. */
  readonly outputSchema?: ToolSchema
  /** The JSON Schema to advertise when `outputSchema` is a Standard Schema that is not zod 4. */
  readonly outputJsonSchema?: JsonSchema
  readonly annotations?: ToolAnnotations
  readonly icons?: readonly Icon[]
  readonly _meta?: MetaObject
}

/** Runs a tool. Throw a `ProtocolError` for a protocol fault; any other error is a tool error. */
export type ToolHandler<TArgs = Record<string, unknown>> = (
  args: TArgs,
  ctx: RequestContext,
) => ToolResult | Promise<ToolResult>

/** The request a resource read handler serves. */
export interface ResourceReadRequest {
  /** The URI being read. */
  readonly uri: string
  /** The template variables matched in `uri` (empty for a static resource). */
  readonly variables: Readonly<Record<string, string>>
}

/** Reads a resource; return `undefined` when it does not exist. */
export type ResourceReader = (
  request: ResourceReadRequest,
  ctx: RequestContext,
) => ReadResult | Promise<ReadResult>

interface ResourceMetadata {
  /** Required by every revision. */
  readonly name: string
  readonly title?: string
  readonly description?: string
  readonly mimeType?: string
  readonly annotations?: Annotations
  readonly icons?: readonly Icon[]
  readonly _meta?: MetaObject
  /** 2026-07-28 caching hints of `resources/read` results; the server's defaults otherwise. */
  readonly cache?: CacheHint
}

/** A static resource as registered. */
export interface ResourceDefinition extends ResourceMetadata {
  /** Size in bytes, if known. */
  readonly size?: number
}

/** Completes one argument or template variable from what the user typed so far. */
export type Completer = (
  value: string,
  context: CompleterContext,
) => CompletionValues | Promise<CompletionValues>

/** What a {@link Completer} knows besides the value being completed. */
export interface CompleterContext {
  /** Arguments (or variables) the user already resolved. */
  readonly arguments: Readonly<Record<string, string>>
  readonly request: RequestContext
}

/** A resource template (RFC 6570, levels 1 and 2) as registered. */
export interface ResourceTemplateDefinition extends ResourceMetadata {
  /** Completers for template variables, used by `completion/complete`. */
  readonly complete?: Readonly<Record<string, Completer>>
  /**
   * The concrete resources this template stands for right now, listed by `resources/list` after the
   * static resources (templates in registration order). Called on every `resources/list`; a listed
   * resource without a `mimeType` gets the template's. A failure, or an entry that is not a valid
   * `Resource`, fails the list with `-32603` and reaches `onError`.
   *
   * @example
   * server.resourceTemplate('file:///notes/{name}', {
   *   name: 'note',
   *   mimeType: 'text/markdown',
   *   list: async () => (await notes.names()).map((name) => ({ uri: `file:///notes/${name}`, name })),
   * }, ({ variables }) => notes.read(variables.name))
   */
  readonly list?: (context: ResourceListContext) => MaybePromise<readonly ListedResource[]>
}

/** What a template's `list` gets. */
export interface ResourceListContext {
  /** Aborts when the `resources/list` request is cancelled or its client goes away. */
  readonly signal: AbortSignal
}

/**
 * One resource a template lists: a `Resource` of `resources/list`, described like a static one
 * (caching hints stay the template's, since `resources/read` goes through it).
 */
export interface ListedResource extends Omit<ResourceDefinition, 'cache'> {
  readonly uri: string
}

/** One argument of a prompt. */
export interface PromptArgumentDefinition {
  readonly name: string
  readonly title?: string
  readonly description?: string
  readonly required?: boolean
  /** Completes this argument in `completion/complete`. */
  readonly complete?: Completer
}

/** A prompt as registered. */
export interface PromptDefinition {
  readonly title?: string
  readonly description?: string
  readonly arguments?: readonly PromptArgumentDefinition[]
  readonly icons?: readonly Icon[]
  readonly _meta?: MetaObject
}

/** Produces a prompt's messages; a missing required argument never reaches it. */
export type PromptHandler = (
  args: Readonly<Record<string, string>>,
  ctx: RequestContext,
) => PromptResult | Promise<PromptResult>

/** `completion/complete` params as a fallback completion handler sees them. */
export interface CompletionRequest {
  readonly ref:
    | { readonly type: 'ref/prompt'; readonly name: string }
    | { readonly type: 'ref/resource'; readonly uri: string }
  readonly argument: { readonly name: string; readonly value: string }
  readonly context?: { readonly arguments?: Readonly<Record<string, string>> }
}

/** Answers completion requests no prompt argument or template variable completer handles. */
export type CompletionHandler = (
  request: CompletionRequest,
  ctx: RequestContext,
) => CompletionValues | Promise<CompletionValues>

/** A registered item: remove it, or replace its definition (clients are told the list changed). */
export interface RegisteredItem<TDefinition, THandler> {
  /** The tool or prompt name, the resource URI or the URI template. */
  readonly key: string
  /** Replaces the definition and, when given, the handler. */
  update(definition: TDefinition, handler?: THandler): void
  /** Removes the item; later calls do nothing. */
  remove(): void
}

/** A registered tool. */
export type RegisteredTool = RegisteredItem<ToolDefinition, ToolHandler<never>>
/** A registered static resource. */
export type RegisteredResource = RegisteredItem<ResourceDefinition, ResourceReader>
/** A registered resource template. */
export type RegisteredResourceTemplate = RegisteredItem<ResourceTemplateDefinition, ResourceReader>
/** A registered prompt. */
export type RegisteredPrompt = RegisteredItem<PromptDefinition, PromptHandler>
