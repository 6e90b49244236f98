/**
 * The MCP data shapes handlers return and receive, written as plain TypeScript types (the wire is
 * validated with mcpkit's zod schemas; these types only guide authors). Fields that a revision does
 * not know are dropped when answering a client of that revision.
 */

/** The syslog severities of RFC 5424, lowest first. */
export type LoggingLevel =
  | 'debug'
  | 'info'
  | 'notice'
  | 'warning'
  | 'error'
  | 'critical'
  | 'alert'
  | 'emergency'

/** Any JSON object. */
export type JsonObject = { readonly [key: string]: unknown }

/** `_meta`: extra data for the protocol or the application. */
export type MetaObject = JsonObject

/** An icon a client may show for a server, tool, prompt or resource (2025-11-25 on). */
export interface Icon {
  readonly src: string
  readonly mimeType?: string
  readonly sizes?: readonly string[]
  readonly theme?: 'light' | 'dark'
}

/** Hints about how content is meant to be used. */
export interface Annotations {
  readonly audience?: readonly ('user' | 'assistant')[]
  readonly priority?: number
  readonly lastModified?: string
}

interface ContentBase {
  readonly annotations?: Annotations
  readonly _meta?: MetaObject
}

/** Text. */
export interface TextContent extends ContentBase {
  readonly type: 'text'
  readonly text: string
}

/** A base64-encoded image. */
export interface ImageContent extends ContentBase {
  readonly type: 'image'
  readonly data: string
  readonly mimeType: string
}

/** Base64-encoded audio (2025-03-26 on). */
export interface AudioContent extends ContentBase {
  readonly type: 'audio'
  readonly data: string
  readonly mimeType: string
}

/** A link to a resource the client may read (2025-06-18 on). */
export interface ResourceLink extends ContentBase {
  readonly type: 'resource_link'
  readonly uri: string
  readonly name: string
  readonly title?: string
  readonly description?: string
  readonly mimeType?: string
  readonly size?: number
  readonly icons?: readonly Icon[]
}

/** The text contents of a resource. */
export interface TextResourceContents {
  readonly uri: string
  readonly mimeType?: string
  readonly text: string
  readonly _meta?: MetaObject
}

/** The binary contents of a resource, base64-encoded. */
export interface BlobResourceContents {
  readonly uri: string
  readonly mimeType?: string
  readonly blob: string
  readonly _meta?: MetaObject
}

/** The contents of a resource. */
export type ResourceContents = TextResourceContents | BlobResourceContents

/** A resource embedded in a message or tool result. */
export interface EmbeddedResource extends ContentBase {
  readonly type: 'resource'
  readonly resource: ResourceContents
}

/** A piece of content in a tool result or prompt message. */
export type ContentBlock =
  | TextContent
  | ImageContent
  | AudioContent
  | ResourceLink
  | EmbeddedResource

/** What a tool handler returns: the result, or a string as its only text block. */
export type ToolResult =
  | string
  | {
      /** Content for the model. Defaults to one text block holding `structuredContent` as JSON. */
      readonly content?: readonly ContentBlock[]
      /** Machine-readable output; must match the tool's `outputSchema` when it has one. */
      readonly structuredContent?: unknown
      /** The tool failed; the content says why. */
      readonly isError?: boolean
      readonly _meta?: MetaObject
    }

/** A message of a prompt; a string `content` is one text block. */
export interface PromptMessage {
  readonly role: 'user' | 'assistant'
  readonly content: ContentBlock | string
}

/** What a prompt handler returns: the messages, or the result with a description. */
export type PromptResult =
  | readonly PromptMessage[]
  | {
      readonly description?: string
      readonly messages: readonly PromptMessage[]
      readonly _meta?: MetaObject
    }

/** Resource contents as a read handler returns them: `uri` defaults to the URI read. */
export type ResourceContentsInput =
  | (Omit<TextResourceContents, 'uri'> & { readonly uri?: string })
  | (Omit<BlobResourceContents, 'uri'> & { readonly uri?: string })

/**
 * What a resource read handler returns: the contents, or `undefined` when the resource does not
 * exist (answered as "resource not found" in the revision's own way).
 */
export type ReadResult =
  | readonly ResourceContentsInput[]
  | { readonly contents: readonly ResourceContentsInput[]; readonly _meta?: MetaObject }
  | undefined

/** Completion values: the list, or the list with its total and whether more exist. */
export type CompletionValues =
  | readonly string[]
  | { readonly values: readonly string[]; readonly total?: number; readonly hasMore?: boolean }

/** `cacheScope` of a cacheable result (2026-07-28). */
export type CacheScope = 'public' | 'private'

/** Caching hints of a cacheable result (2026-07-28): how long it stays fresh, and for whom. */
export interface CacheHint {
  /** Milliseconds the client may consider the result fresh (integer ≥ 0). */
  readonly ttlMs?: number
  /** `public`: the same for every user; `private`: per authorization context. */
  readonly cacheScope?: CacheScope
}

/** The parameters of an `elicitation/create` request. */
export interface ElicitParams {
  readonly message: string
  /** `form` (the default) or `url` (2025-11-25 on). */
  readonly mode?: 'form' | 'url'
  /** Form mode: a flat object schema of primitive properties. */
  readonly requestedSchema?: JsonObject
  /** URL mode: where to send the user. */
  readonly url?: string
  /** URL mode (2025-11-25): the id that `notifications/elicitation/complete` refers to. */
  readonly elicitationId?: string
  readonly [key: string]: unknown
}

/** The client's answer to an elicitation. */
export interface ElicitResult {
  readonly action: 'accept' | 'decline' | 'cancel'
  readonly content?: { readonly [key: string]: string | number | boolean | readonly string[] }
  readonly _meta?: MetaObject
  readonly [key: string]: unknown
}

/** A message of a sampling request. */
export interface SamplingMessage {
  readonly role: 'user' | 'assistant'
  readonly content: JsonObject | readonly JsonObject[]
}

/** The parameters of a `sampling/createMessage` request. */
export interface SampleParams {
  readonly messages: readonly SamplingMessage[]
  readonly maxTokens: number
  readonly systemPrompt?: string
  readonly [key: string]: unknown
}

/** The client's answer to a sampling request. */
export interface SampleResult {
  readonly role: 'user' | 'assistant'
  readonly content: JsonObject | readonly JsonObject[]
  readonly model: string
  readonly stopReason?: string
  readonly [key: string]: unknown
}

/** A root the client exposes. */
export interface Root {
  readonly uri: string
  readonly name?: string
  readonly _meta?: MetaObject
}

/** The client's answer to `roots/list`. */
export interface ListRootsResult {
  readonly roots: readonly Root[]
  readonly [key: string]: unknown
}
