/**
 * The result shapes the client hands back, written from the revisions' schema.ts so that one type
 * covers every revision: fields a revision added are optional, and every object stays open
 * (`[key: string]: unknown`) because servers may send fields newer than this client. Each result
 * has already passed the negotiated revision's schema when you see it.
 */

/** A JSON object as it crossed the wire. */
export type JsonObject = { [key: string]: unknown }

/** `_meta` on results and items. */
export type Meta = JsonObject

/** A name and version, as `clientInfo` and `serverInfo` carry them. */
export interface Implementation {
  readonly name: string
  readonly version: string
  readonly title?: string
  readonly description?: string
  readonly websiteUrl?: string
  readonly [key: string]: unknown
}

/** Fields every result may carry. */
export interface ResultBase {
  readonly _meta?: Meta
  /** 2026-07-28: `complete` (a missing field reads as complete). */
  readonly resultType?: string
  readonly [key: string]: unknown
}

/** 2026-07-28 caching hints (required on lists, `resources/read` and `server/discover`). */
export interface CacheHints {
  readonly ttlMs?: number
  readonly cacheScope?: 'public' | 'private'
}

/** One page of a paginated list. */
export interface Page extends ResultBase, CacheHints {
  /** Pass it back as `cursor` for the next page; absent on the last page. */
  readonly nextCursor?: string
}

/** Optional `annotations` of content. */
export interface Annotations {
  readonly audience?: readonly ('user' | 'assistant')[]
  readonly priority?: number
  readonly lastModified?: string
  readonly [key: string]: unknown
}

/** Text or base64 contents of a resource. */
export interface ResourceContents {
  readonly uri: string
  readonly mimeType?: string
  /** Present for text contents. */
  readonly text?: string
  /** Base64, present for binary contents. */
  readonly blob?: string
  readonly _meta?: Meta
  readonly [key: string]: unknown
}

/** One block of content in tool results, prompts and sampling. */
export type ContentBlock =
  | {
      readonly type: 'text'
      readonly text: string
      readonly annotations?: Annotations
      readonly [key: string]: unknown
    }
  | {
      readonly type: 'image' | 'audio'
      readonly data: string
      readonly mimeType: string
      readonly [key: string]: unknown
    }
  | {
      readonly type: 'resource'
      readonly resource: ResourceContents
      readonly [key: string]: unknown
    }
  | {
      readonly type: 'resource_link'
      readonly uri: string
      readonly name: string
      readonly [key: string]: unknown
    }
  | { readonly type: string; readonly [key: string]: unknown }

/** A tool as `tools/list` describes it. */
export interface Tool {
  readonly name: string
  readonly title?: string
  readonly description?: string
  /** JSON Schema of the arguments, exactly as the server sent it (never rewritten). */
  readonly inputSchema: JsonObject
  readonly outputSchema?: JsonObject
  readonly annotations?: JsonObject
  readonly icons?: readonly JsonObject[]
  readonly _meta?: Meta
  readonly [key: string]: unknown
}

/** One page of `tools/list`. */
export interface ListToolsResult extends Page {
  readonly tools: readonly Tool[]
}

/** What `tools/call` returns. A tool failure is `isError: true`, not a thrown error. */
export interface CallToolResult extends ResultBase {
  readonly content: readonly ContentBlock[]
  /** Present when the tool has an `outputSchema` (2025-06-18 on). */
  readonly structuredContent?: unknown
  readonly isError?: boolean
}

/** A resource as `resources/list` describes it. */
export interface Resource {
  readonly uri: string
  readonly name: string
  readonly title?: string
  readonly description?: string
  readonly mimeType?: string
  readonly size?: number
  readonly annotations?: Annotations
  readonly _meta?: Meta
  readonly [key: string]: unknown
}

/** One page of `resources/list`. */
export interface ListResourcesResult extends Page {
  readonly resources: readonly Resource[]
}

/** A URI template as `resources/templates/list` describes it. */
export interface ResourceTemplate {
  readonly uriTemplate: string
  readonly name: string
  readonly title?: string
  readonly description?: string
  readonly mimeType?: string
  readonly _meta?: Meta
  readonly [key: string]: unknown
}

/** One page of `resources/templates/list`. */
export interface ListResourceTemplatesResult extends Page {
  readonly resourceTemplates: readonly ResourceTemplate[]
}

/** What `resources/read` returns. */
export interface ReadResourceResult extends ResultBase, CacheHints {
  readonly contents: readonly ResourceContents[]
}

/** One argument a prompt takes. */
export interface PromptArgument {
  readonly name: string
  readonly title?: string
  readonly description?: string
  readonly required?: boolean
  readonly [key: string]: unknown
}

/** A prompt as `prompts/list` describes it. */
export interface Prompt {
  readonly name: string
  readonly title?: string
  readonly description?: string
  readonly arguments?: readonly PromptArgument[]
  readonly _meta?: Meta
  readonly [key: string]: unknown
}

/** One page of `prompts/list`. */
export interface ListPromptsResult extends Page {
  readonly prompts: readonly Prompt[]
}

/** One message of a prompt. */
export interface PromptMessage {
  readonly role: 'user' | 'assistant'
  readonly content: ContentBlock
  readonly [key: string]: unknown
}

/** What `prompts/get` returns. */
export interface GetPromptResult extends ResultBase {
  readonly description?: string
  readonly messages: readonly PromptMessage[]
}

/** What `completion/complete` returns. */
export interface CompleteResult extends ResultBase {
  readonly completion: {
    readonly values: readonly string[]
    readonly total?: number
    readonly hasMore?: boolean
    readonly [key: string]: unknown
  }
}

/** What the server can do, from `initialize` or `server/discover`. */
export interface ServerCapabilities {
  readonly tools?: { readonly listChanged?: boolean; readonly [key: string]: unknown }
  readonly prompts?: { readonly listChanged?: boolean; readonly [key: string]: unknown }
  readonly resources?: {
    readonly subscribe?: boolean
    readonly listChanged?: boolean
    readonly [key: string]: unknown
  }
  readonly logging?: JsonObject
  readonly completions?: JsonObject
  readonly experimental?: JsonObject
  readonly extensions?: JsonObject
  readonly [key: string]: unknown
}

/** What `server/discover` returns (2026-07-28). */
export interface DiscoverResult extends ResultBase, CacheHints {
  readonly supportedVersions: readonly string[]
  readonly capabilities: ServerCapabilities
  readonly instructions?: string
}

/** What a legacy `initialize` returns. */
export interface InitializeResult extends ResultBase {
  readonly protocolVersion: string
  readonly capabilities: ServerCapabilities
  readonly serverInfo: Implementation
  readonly instructions?: string
}
